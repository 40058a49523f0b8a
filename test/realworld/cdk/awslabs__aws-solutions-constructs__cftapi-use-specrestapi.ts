// Source: https://github.com/awslabs/aws-solutions-constructs
//   source/patterns/@aws-solutions-constructs/aws-cloudfront-apigateway/test/integ.cftapi-use-specrestapi.ts
// Commit 33c062fd06edcd28fbf0a135f5f0af9f27c41b9c (2026-08-20). Licence: Apache-2.0.
// Reproduced: a SpecRestApi with an inline OpenAPI 3 spec (GET /hello, aws_proxy to a Lambda, AWS_IAM auth) put
// behind CloudFrontToApiGateway: a Distribution with the construct's default behaviour (no cache policy, so
// CachingOptimized; HttpOrigin on the stage). Simplified: the construct inlined; logging, nag suppressions left out.
import { App, Fn, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';

export default function build(app: App): Stack {
  const stack = new Stack(app, 'cftapi-use-specrestapi');
  const specApi = new apigateway.SpecRestApi(stack, 'SpecRestApi', {
    apiDefinition: apigateway.ApiDefinition.fromInline({
      openapi: '3.0.1',
      info: { title: 'Test API', version: '1.0.0' },
      paths: {
        '/hello': {
          get: {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              httpMethod: 'POST',
              uri: `arn:aws:apigateway:${stack.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${stack.region}:${stack.account}:function:test-api-lambda/invocations`,
            },
            responses: { '200': { description: 'Success' } },
            'x-amazon-apigateway-auth': { type: 'AWS_IAM' },
          },
        },
      },
    }),
  });
  const construct = new Construct(stack, 'test-cloudfront-apigateway');
  const url = Fn.select(1, Fn.split('://', specApi.url));
  new cloudfront.Distribution(construct, 'CloudFrontDistribution', {
    defaultBehavior: {
      origin: new origins.HttpOrigin(Fn.select(0, Fn.split('/', url)), { originPath: `/${specApi.deploymentStage.stageName}` }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    },
  });
  return stack;
}
