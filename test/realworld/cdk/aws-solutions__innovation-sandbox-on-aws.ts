// Source: https://github.com/aws-solutions/innovation-sandbox-on-aws
//   source/infrastructure/lib/components/cloudfront/cloudfront-ui-api.ts
// Commit dea7503 (2026-07-24). Licence: Apache-2.0.
// Reproduced: IsbCloudFrontDistribution: S3 default behaviour (ALLOW_ALL, CACHING_OPTIMIZED, security headers policy)
// and the "/api/*" behaviour: RestApiOrigin, ALLOW_ALL, CACHING_DISABLED, ALL_VIEWER_EXCEPT_HOST_HEADER and
// IsbApiCloudFrontResponseHeadersPolicy, which sets `Cache-Control: no-store, no-cache` with override: true.
// Simplified: the RestApi is a small stand-in (GET/POST /leases with a Lambda proxy and a TokenAuthorizer on
// Authorization, as the solution's API uses a JWT authorizer); CloudFront functions, WAF and logging left out;
// the S3 response headers policy keeps only contentTypeOptions.
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';

export default function build(app: App): Stack {
  const stack = new Stack(app, 'InnovationSandbox-Compute');
  const fn = () =>
    new lambda.Function(stack, `Fn${stack.node.children.length}`, {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
  const authorizer = new apigateway.TokenAuthorizer(stack, 'IsbAuthorizer', { handler: fn() });
  const restApi = new apigateway.RestApi(stack, 'IsbRestApi', { defaultMethodOptions: { authorizer } });
  const leases = restApi.root.addResource('leases');
  leases.addMethod('GET', new apigateway.LambdaIntegration(fn()));
  leases.addMethod('POST', new apigateway.LambdaIntegration(fn()));
  const feBucket = new s3.Bucket(stack, 'IsbFrontEndBucket');
  const responseHeadersPolicy = new ResponseHeadersPolicy(stack, 'IsbCloudFrontResponseHeadersPolicy', {
    securityHeadersBehavior: { contentTypeOptions: { override: true } },
  });
  const apiResponseHeadersPolicy = new ResponseHeadersPolicy(stack, 'IsbApiCloudFrontResponseHeadersPolicy', {
    securityHeadersBehavior: { contentTypeOptions: { override: true } },
    customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-store, no-cache', override: true }] },
  });
  new Distribution(stack, 'IsbCloudFrontDistribution', {
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(feBucket, { originId: 'S3Origin' }),
      allowedMethods: AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
    },
    additionalBehaviors: {
      '/api/*': {
        origin: new RestApiOrigin(restApi),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        responseHeadersPolicy: apiResponseHeadersPolicy,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    },
    defaultRootObject: 'index.html',
    comment: 'ISB CloudFront Distribution',
    priceClass: PriceClass.PRICE_CLASS_ALL,
  });
  return stack;
}
