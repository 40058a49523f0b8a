// Source: https://github.com/awslabs/aws-solutions-constructs
//   source/patterns/@aws-solutions-constructs/aws-cloudfront-apigateway-lambda/test/integ.cftaplam-override-behavior.ts
// Commit 33c062fd06edcd28fbf0a135f5f0af9f27c41b9c (2026-08-20). Licence: Apache-2.0.
// Reproduced: CloudFrontToApiGatewayToLambda with `proxy: false`, a RequestAuthorizer on Authorization as default
// method option, default behaviour overridden with SomeCachePolicy (min 5 h, default 8 h, max 10 h), GET /static
// (HttpIntegration to amazon.com) and GET /dynamic (mock) and an added `/dynamic` behaviour with NoCachePolicy (all
// TTLs 0). Names as in the original. Simplified: the construct inlined (RestApi + Distribution with the construct's
// defaults: HttpOrigin on the stage, REDIRECT_TO_HTTPS); logging bucket, security-headers function, nag metadata left out.
import { App, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

const code = () => new lambda.InlineCode("exports.handler = async (event) => { console.log(event); return {'statusCode': 200, 'body': ''}; }");

export default function build(app: App): Stack {
  const stack = new Stack(app, 'cftaplam-override-behavior');
  const someCachePolicy = new cloudfront.CachePolicy(stack, 'SomeCachePolicy', {
    cachePolicyName: 'SomeCachePolicy',
    defaultTtl: Duration.hours(8),
    minTtl: Duration.hours(5),
    maxTtl: Duration.hours(10),
  });
  const noCachePolicy = new cloudfront.CachePolicy(stack, 'NoCachePolicy', {
    cachePolicyName: 'NoCachePolicy',
    defaultTtl: Duration.minutes(0),
    minTtl: Duration.minutes(0),
    maxTtl: Duration.minutes(0),
  });
  const construct = new Construct(stack, 'cf-api-lambda-override');
  const fn = new lambda.Function(construct, 'LambdaFunction', { code: code(), runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler' });
  const authFn = new lambda.Function(stack, 'cftaplam-override-behavior-authorizerAuthFunction', {
    code: code(),
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: '.handler',
  });
  const authorizer = new apigateway.RequestAuthorizer(stack, 'cftaplam-override-behavior-authorizer', {
    handler: authFn,
    identitySources: [apigateway.IdentitySource.header('Authorization')],
  });
  const apiGateway = new apigateway.LambdaRestApi(construct, 'LambdaRestApi', {
    handler: fn,
    proxy: false,
    endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
    defaultMethodOptions: { authorizationType: apigateway.AuthorizationType.CUSTOM, authorizer },
  });
  const apiEndPointUrlWithoutProtocol = Fn.select(1, Fn.split('://', apiGateway.url));
  const apiEndPointDomainName = Fn.select(0, Fn.split('/', apiEndPointUrlWithoutProtocol));
  const distribution = new cloudfront.Distribution(construct, 'CloudFrontDistribution', {
    defaultBehavior: {
      origin: new origins.HttpOrigin(apiEndPointDomainName, { originPath: `/${apiGateway.deploymentStage.stageName}` }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: someCachePolicy,
    },
  });
  apiGateway.root.addResource('static').addMethod('GET', new apigateway.HttpIntegration('http://amazon.com'));
  apiGateway.root.addResource('dynamic').addMethod('GET');
  distribution.addBehavior(
    '/dynamic',
    new origins.HttpOrigin(apiEndPointDomainName, {
      originPath: `/${apiGateway.deploymentStage.stageName}/dynamic`,
    }),
    { cachePolicy: noCachePolicy },
  );
  return stack;
}
