// Demo CDK app (cdk.json at the repository root runs it): a Stripe-style webhook receiver, API Gateway + Lambda,
// with CloudFront in front. As written it has the classic ghost-200 setup:
//   - the stage caches POST /webhooks, so every event after the first gets the cached 200 and never reaches Lambda;
//   - the distribution allows POST on CDK's default cache policy (CachingOptimized, MinTTL 1 s: ignores no-store).
//
//   npm run build && npx cdk synth                  fails with cachelint's findings and the fix for each
//   npx cdk synth -c fixed=true                     the remediated app: synthesizes cleanly
//   npx cdk synth -c integration=aspect             the same checks as an Aspect (annotations; any aws-cdk-lib 2.x)
//   npx cdk synth -c acknowledge=<id>               acknowledge the id CDK printed after "Acknowledge with"
//
// Plain JavaScript on purpose: nothing to compile at synth time. It loads cachelint the way an app that installed
// it would (`require('cachelint/cdk')`, which resolves to this package's dist/ build).
'use strict';
const { App, Aspects, Duration, Stack, Validations } = require('aws-cdk-lib');
const apigw = require('aws-cdk-lib/aws-apigateway');
const cloudfront = require('aws-cdk-lib/aws-cloudfront');
const origins = require('aws-cdk-lib/aws-cloudfront-origins');
const lambda = require('aws-cdk-lib/aws-lambda');
const { CacheLintAspect, CacheLintChecks } = require('cachelint/cdk');

const app = new App();
const fixed = String(app.node.tryGetContext('fixed')) === 'true';
const integration = app.node.tryGetContext('integration') || 'plugin';

if (integration === 'aspect') Aspects.of(app).add(new CacheLintAspect());
else Validations.of(app).addPlugins(new CacheLintChecks(app));

const stack = new Stack(app, 'WebhookReceiver');

const handler = new lambda.Function(stack, 'Handler', {
  runtime: lambda.Runtime.NODEJS_20_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline(
    "exports.handler = async (event) => ({ statusCode: 200, headers: { 'Cache-Control': 'no-store' }, body: JSON.stringify({ received: true }) });",
  ),
});

const api = new apigw.RestApi(stack, 'Api', {
  deployOptions: {
    cacheClusterEnabled: true,
    methodOptions: {
      // The bug: caching the webhook POST. The fix keeps the entry with caching off (removing the entry does not
      // turn caching off on a stage that is already deployed).
      '/webhooks/POST': fixed ? { cachingEnabled: false } : { cachingEnabled: true, cacheTtl: Duration.minutes(5) },
    },
  },
});
api.root.addResource('webhooks').addMethod('POST', new apigw.LambdaIntegration(handler));

const noStore = fixed
  ? new cloudfront.ResponseHeadersPolicy(stack, 'NoStore', {
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: true }] },
    })
  : undefined;

new cloudfront.Distribution(stack, 'Cdn', {
  defaultBehavior: {
    origin: new origins.RestApiOrigin(api),
    allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
    // Unfixed: no cachePolicy, so CDK's default CachingOptimized applies.
    ...(fixed ? { cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED, responseHeadersPolicy: noStore } : {}),
  },
});

const acknowledge = app.node.tryGetContext('acknowledge');
if (acknowledge) Validations.of(stack).acknowledge({ id: String(acknowledge), reason: 'demo: acknowledged with -c acknowledge' });

app.synth();
