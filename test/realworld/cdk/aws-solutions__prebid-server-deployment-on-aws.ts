// Source: https://github.com/aws-solutions/prebid-server-deployment-on-aws
//   source/infrastructure/prebid_server/cloudfront_waf_construct.py (Python CDK, reproduced in TypeScript)
// Commit f2b7787 (2025-07-29). Licence: Apache-2.0.
// Reproduced: PrebidCloudFrontDist with a single ALB origin (HTTP_ONLY, a secret custom header), default behaviour
// ALLOW_ALL + OriginRequestPolicy.ALL_VIEWER + CachePolicy.CACHING_DISABLED + a managed response headers policy
// referenced by id. Simplified: the ALB is a bare internet-facing ApplicationLoadBalancer in a new VPC; the secret
// header value is a fixed string (a custom resource generates it); the response headers policy id is the repo's
// RESPONSE_HEADERS_POLICY_ID (stack_constants.py); WAF web ACL and logging left out.
import { App, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cloudfront_origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';

export default function build(app: App): Stack {
  const stack = new Stack(app, 'PrebidServerDeployment');
  const vpc = new ec2.Vpc(stack, 'PrebidVpc', { maxAzs: 2, natGateways: 0 });
  const prebid_alb = new elbv2.ApplicationLoadBalancer(stack, 'PrebidALB', { vpc, internetFacing: true });
  const response_headers_policy = cloudfront.ResponseHeadersPolicy.fromResponseHeadersPolicyId(
    stack,
    'CloudFrontResponseHeadersPolicy',
    'eaab4381-ed33-4a86-88ca-d9558dc6cd63',
  );
  const origin = new cloudfront_origins.LoadBalancerV2Origin(prebid_alb, {
    protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
    customHeaders: { 'X-Header-Secret': 'secret-from-custom-resource' },
  });
  new cloudfront.Distribution(stack, 'PrebidCloudFrontDist', {
    comment: 'Prebid Server Deployment on AWS',
    defaultBehavior: {
      origin,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      responseHeadersPolicy: response_headers_policy,
    },
  });
  return stack;
}
