// Source: https://github.com/aws-solutions/clickstream-analytics-on-aws
//   src/control-plane/cloudfront-s3-portal.ts (CloudFrontS3Portal, addHttpOrigin) and
//   src/cloudfront-control-plane-stack.ts (the /prod/* API behaviour)
// Commit ae6fb3b73 (2025-06-26). Licence: Apache-2.0.
// Reproduced: the control-plane portal Distribution: S3 default behaviour (GET_HEAD, custom cache policy 0 s/7 d/30 d)
// and the `/${stage}/*` behaviour added by addHttpOrigin for the LambdaRestApi: HttpOrigin on the API domain with
// originPath `/${stage}`, CachePolicy.CACHING_DISABLED, AllowedMethods.ALLOW_ALL and the solution's
// ApiGatewayOriginRequestPolicy (all cookies, all headers except host, all query strings). Simplified: the S3 origin
// uses S3BucketOrigin (OAC) instead of the solution's hand-made OAC; the API is a LambdaRestApi with a proxy
// handler and stage "api" (the solution's ClickStreamApi), with no authorizer; China-region branches left out.
import { App, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';

export default function build(app: App): Stack {
  const stack = new Stack(app, 'CloudFrontControlPlaneStack');
  const portalBucket = new s3.Bucket(stack, 'portal_bucket');
  const distribution = new Distribution(stack, 'PortalDistribution', {
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(portalBucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: new CachePolicy(stack, 'defaultCachePolicy', {
        cachePolicyName: 'cachepolicy-shortid',
        defaultTtl: Duration.days(7),
        minTtl: Duration.seconds(0),
        maxTtl: Duration.days(30),
      }),
    },
    defaultRootObject: 'index.html',
  });
  const handler = new lambda.Function(stack, 'ClickStreamApiFunction', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const lambdaRestApi = new apigateway.LambdaRestApi(stack, 'ClickStreamApi', { handler, deployOptions: { stageName: 'api' } });
  const originRequestPolicy = new OriginRequestPolicy(stack, 'ApiGatewayOriginRequestPolicy', {
    comment: 'Policy to forward all parameters in viewer requests except for the Host header',
    originRequestPolicyName: 'ApiGatewayOriginRequestPolicy-shortid',
    cookieBehavior: OriginRequestCookieBehavior.all(),
    headerBehavior: { behavior: 'allExcept', headers: ['host'] },
    queryStringBehavior: OriginRequestQueryStringBehavior.all(),
  });
  distribution.addBehavior(
    `/${lambdaRestApi.deploymentStage.stageName}/*`,
    new HttpOrigin(Fn.select(2, Fn.split('/', lambdaRestApi.url)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originPath: `/${lambdaRestApi.deploymentStage.stageName}`,
    }),
    {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      originRequestPolicy,
    },
  );
  return stack;
}
