#!/usr/bin/env node
// Deterministic CDK app (plain JS, aws-cdk-lib from bench/node_modules) for synth-time benchmarks.
// Usage: UNITS=37 CHECKS=none|noop|cachelint|nag CDK_OUTDIR=out CDK_VALIDATION=false node bench/gen/cdk-app.js
//   UNITS=37 → 299 resources (1 stack); UNITS=124 → 1,004 resources (4 stacks of ≤ 40 units).
// One unit = Lambda Function + Role, S3 Bucket, API resource with GET (mock) and POST (Lambda integration, +2 Lambda
// permissions) = 8 resources; each stack adds its RestApi, Deployment, Stage and root-level bits (3 resources).
// Every stack's stage caches `/*/*`; POST /r<u> is cached on every 5th unit (the CL001 finding) and pinned off on the
// others. CHECKS=cachelint adds `Validations.of(app).addPlugins(new CacheLintChecks(app))` from ../../dist/lib/cdk,
// CHECKS=nag adds cdk-nag's AwsSolutionsChecks the same way. The app synthesizes once (autoSynth off) and never
// throws on findings (failSynthOnValidationErrors: false); the harness reads <outdir>/validation-report.json.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const benchDir = path.resolve(__dirname, '..');
// CACHELINT_DIR: another build of cachelint (a checkout with its own dist/), for trying a change without rebuilding here.
const repoDir = path.resolve(process.env.CACHELINT_DIR ?? path.resolve(benchDir, '..'));
// One aws-cdk-lib for the app and the plugin, as in a user's project: dist/lib/cdk would otherwise resolve the
// repository's own dev copy, and construct checks (instanceof, Stack.of) fail across two copies.
const shared = /^(aws-cdk-lib|constructs)(\/|$)/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (shared.test(request)) return resolveFilename.call(this, request, { ...parent, paths: Module._nodeModulePaths(benchDir) }, ...rest);
  return resolveFilename.call(this, request, parent, ...rest);
};

const units = Number(process.env.UNITS ?? 37);
const checks = process.env.CHECKS ?? 'none';
const perStack = 40;

function expected(unitCount) {
  let cl001 = 0;
  for (let u = 0; u < unitCount; u++) if (u % 5 === 0) cl001++;
  const stacks = Math.ceil(unitCount / perStack);
  return { units: unitCount, stacks, buckets: unitCount, cl001 };
}

function build() {
  const cdk = require('aws-cdk-lib');
  const lambda = require('aws-cdk-lib/aws-lambda');
  const s3 = require('aws-cdk-lib/aws-s3');
  const apigw = require('aws-cdk-lib/aws-apigateway');

  const app = new cdk.App({ autoSynth: false, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  for (let s = 0; s * perStack < units; s++) {
    const stack = new cdk.Stack(app, `Bench${s}`);
    const first = s * perStack;
    const last = Math.min(units, (s + 1) * perStack);
    const methodOptions = { '/*/*': { cachingEnabled: true } };
    for (let u = first; u < last; u++) methodOptions[`/r${u}/POST`] = { cachingEnabled: u % 5 === 0 };
    const api = new apigw.RestApi(stack, 'Api', {
      cloudWatchRole: false,
      deployOptions: { cacheClusterEnabled: true, methodOptions },
    });
    for (let u = first; u < last; u++) {
      const fn = new lambda.Function(stack, `Fn${u}`, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
      });
      new s3.Bucket(stack, `Bucket${u}`);
      const r = api.root.addResource(`r${u}`);
      r.addMethod('GET', new apigw.MockIntegration());
      r.addMethod('POST', new apigw.LambdaIntegration(fn));
    }
  }
  if (checks === 'cachelint') {
    const { CacheLintChecks } = require(path.join(repoDir, 'dist/lib/cdk'));
    cdk.Validations.of(app).addPlugins(new CacheLintChecks(app));
  } else if (checks === 'noop') {
    // The cost of CDK's validation step itself, with a plugin that checks nothing.
    cdk.Validations.of(app).addPlugins({ name: 'Noop', version: '0.0.0', ruleIds: [], validate: () => ({ success: true, violations: [] }) });
  } else if (checks === 'nag') {
    const { AwsSolutionsChecks } = require('cdk-nag');
    cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  } else if (checks !== 'none') throw new Error(`CHECKS must be none, noop, cachelint or nag (got ${checks})`);
  app.synth();
}

module.exports = { expected };

if (require.main === module) build();
