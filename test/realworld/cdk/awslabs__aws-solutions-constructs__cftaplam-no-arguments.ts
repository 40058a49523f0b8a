// Source: https://github.com/awslabs/aws-solutions-constructs
//   source/patterns/@aws-solutions-constructs/aws-cloudfront-apigateway-lambda/test/integ.cftaplam-no-arguments.ts
//   with the defaults of core/lib/cloudfront-distribution-defaults.ts and core/lib/apigateway-helper.ts.
// Commit 33c062fd06edcd28fbf0a135f5f0af9f27c41b9c (2026-08-20). Licence: Apache-2.0.
// Reproduced: CloudFrontToApiGatewayToLambda with no distribution props: a regional LambdaRestApi (proxy: ANY / and
// ANY /{proxy+}) with a RequestAuthorizer on the Authorization header (the test's CreateApiAuthorizer), behind a
// Distribution whose default behaviour has no cache policy (CDK's default, CachingOptimized) and an HttpOrigin on the
// stage (originPath /prod). Simplified: the construct inlined; logging bucket, security-headers function, usage plan
// and nag suppressions left out.
import { App, Fn, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

const code = () => new lambda.InlineCode("exports.handler = async (event) => { console.log(event); return {'statusCode': 200, 'body': ''}; }");

export default function build(app: App): Stack {
  const stack = new Stack(app, 'cftaplam-no-arguments');
  const construct = new Construct(stack, 'test-cloudfront-apigateway-lambda');
  const fn = new lambda.Function(construct, 'LambdaFunction', { code: code(), runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler' });
  const authFn = new lambda.Function(stack, 'cftaplam-no-arguments-authorizerAuthFunction', {
    code: code(),
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: '.handler',
  });
  const authorizer = new apigateway.RequestAuthorizer(stack, 'cftaplam-no-arguments-authorizer', {
    handler: authFn,
    identitySources: [apigateway.IdentitySource.header('Authorization')],
  });
  const api = new apigateway.LambdaRestApi(construct, 'LambdaRestApi', {
    handler: fn,
    endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
    defaultMethodOptions: { authorizationType: apigateway.AuthorizationType.CUSTOM, authorizer },
  });
  const url = Fn.select(1, Fn.split('://', api.url));
  new cloudfront.Distribution(construct, 'CloudFrontDistribution', {
    defaultBehavior: {
      origin: new origins.HttpOrigin(Fn.select(0, Fn.split('/', url)), { originPath: `/${api.deploymentStage.stageName}` }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    },
  });
  return stack;
}
