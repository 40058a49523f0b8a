// Source: https://github.com/aws-solutions/serverless-image-handler source/constructs/lib/back-end/back-end-construct.ts
// Commit a11bb416c0d4100c61dd7418a694ac6ae5bcd320 (2024-12-28). Licence: Apache-2.0.
// Reproduced: the image handler LambdaRestApi (proxy, stage "image", auth NONE, binary */*) behind a CloudFront
// distribution with the solution's own CachePolicy/OriginRequestPolicy (origin+accept headers, `signature` query).
// Simplified: CloudFrontToApiGatewayToLambda (Solutions Constructs) inlined as RestApi + Distribution; the origin
// domain is built from the RestApi id as the app does; logging, error responses, custom resources and nag
// suppressions left out; `${props.uuid}` is a fixed string.
import { App, Aws, Duration, Stack } from 'aws-cdk-lib';
import * as api from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  OriginRequestPolicy,
  OriginSslPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export default function build(app: App): Stack {
  const stack = new Stack(app, 'ServerlessImageHandler');
  const scope = stack;
  const imageHandlerLambdaFunction = new lambda.Function(scope, 'ImageHandlerLambdaFunction', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const cachePolicy = new CachePolicy(scope, 'CachePolicy', {
    cachePolicyName: 'ServerlessImageHandler-uuid',
    defaultTtl: Duration.days(1),
    minTtl: Duration.seconds(1),
    maxTtl: Duration.days(365),
    enableAcceptEncodingGzip: false,
    headerBehavior: CacheHeaderBehavior.allowList('origin', 'accept'),
    queryStringBehavior: CacheQueryStringBehavior.allowList('signature'),
  });
  const originRequestPolicy = new OriginRequestPolicy(scope, 'OriginRequestPolicy', {
    originRequestPolicyName: 'ServerlessImageHandler-uuid',
    headerBehavior: CacheHeaderBehavior.allowList('origin', 'accept'),
    queryStringBehavior: CacheQueryStringBehavior.allowList('signature'),
  });
  const apiGateway = new api.LambdaRestApi(scope, 'ImageHandlerCloudFrontApiGatewayLambdaRestApi', {
    handler: imageHandlerLambdaFunction,
    deployOptions: { stageName: 'image' },
    binaryMediaTypes: ['*/*'],
    defaultMethodOptions: { authorizationType: api.AuthorizationType.NONE },
    endpointTypes: [api.EndpointType.REGIONAL],
  });
  const origin = new HttpOrigin(`${apiGateway.restApiId}.execute-api.${Aws.REGION}.amazonaws.com`, {
    originPath: '/image',
    originSslProtocols: [OriginSslPolicy.TLS_V1_1, OriginSslPolicy.TLS_V1_2],
  });
  new Distribution(scope, 'ImageHandlerCloudFrontApiGatewayLambdaCloudFrontDistribution', {
    comment: 'Image Handler Distribution for Serverless Image Handler',
    defaultBehavior: {
      origin,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      originRequestPolicy,
      cachePolicy,
    },
  });
  return stack;
}
