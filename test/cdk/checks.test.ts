import { CfnParameter, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { CacheLintChecks, MIN_AWS_CDK_LIB_FOR_CHECKS } from '../../lib/cdk';
import { allowAllDistribution, newApp, readReport, webhookApi } from './helpers';

// Synth prints warning reports to stderr under jest (in-memory app mode); the tests read validation-report.json.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const NO_THROW = { '@aws-cdk/core:failSynthOnValidationErrors': false };

/** Two APIs: Api caches POST and PUT /webhooks, Other caches POST /orders. */
function twoApis(context: Record<string, unknown> = {}) {
  const { app, outdir } = newApp(context);
  const stack = new Stack(app, 'Demo');
  const api = webhookApi(stack, { methodOptions: { '/webhooks/POST': { cachingEnabled: true }, '/webhooks/PUT': { cachingEnabled: true } } });
  api.root.getResource('webhooks')!.addMethod('PUT', new apigw.MockIntegration());
  const other = new apigw.RestApi(stack, 'Other', { deployOptions: { methodOptions: { '/orders/POST': { cachingEnabled: true } } } });
  other.root.addResource('orders').addMethod('POST', new apigw.MockIntegration());
  Validations.of(app).addPlugins(new CacheLintChecks(app));
  return { app, outdir, stack, api, other };
}

test('app.synth() throws with the finding; validation-report.json has rule, fix, docs, construct and logical id', () => {
  const { app, outdir } = twoApis();
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/ERROR \[CL001\] stage prod: MethodSetting \/webhooks POST .* caches POST responses for POST \/webhooks/);
  expect(message).toMatch(/Suggested fix: RestApi Demo\/Api: Set deployOptions\.methodOptions\['\/webhooks\/POST'\] = \{ cachingEnabled: false \}/);
  expect(message).toMatch(/Acknowledge with 'CacheLint::CL001\[\/webhooks\/POST\]'/);
  const mine = readReport(outdir);
  expect(mine.conclusion).toBe('failure');
  const post = mine.violations.find((v) => v.ruleName === 'CL001[/webhooks/POST]');
  expect(post).toMatchObject({
    severity: 'error',
    ruleMetadata: { findingId: '/webhooks/POST', route: 'POST /webhooks', docs: expect.stringMatching(/docs\/rules\/CL001\.md$/) },
    violatingConstructs: [
      {
        constructPath: 'Demo/Api/DeploymentStage.prod/Resource',
        constructFqn: 'aws-cdk-lib.aws_apigateway.CfnStage',
        cloudFormationResource: {
          templatePath: 'Demo.template.json',
          logicalId: expect.stringMatching(/^ApiDeploymentStageprod/),
          propertyPaths: [expect.stringMatching(/^Properties\/MethodSettings\/\d$/)],
        },
      },
    ],
  });
  expect(post.suggestedFix).toMatch(/^RestApi Demo\/Api: Set deployOptions/);
  expect(
    mine.violations
      .map((v) => v.ruleName)
      .filter((n: string) => n.startsWith('CL001'))
      .sort(),
  ).toEqual(['CL001[/orders/POST]', 'CL001[/webhooks/POST]', 'CL001[/webhooks/PUT]']);
});

test('exact acknowledgement CacheLint::CL001[/webhooks/POST]: only that finding, recorded with its reason', () => {
  const { app, outdir, api } = twoApis(NO_THROW);
  Validations.of(api).acknowledge({ id: 'CacheLint::CL001[/webhooks/POST]', reason: 'sender mints unique Idempotency-Key per event' });
  app.synth();
  const mine = readReport(outdir);
  expect(mine.suppressedViolations).toEqual([
    expect.objectContaining({
      ruleName: 'CL001[/webhooks/POST]',
      acknowledgedId: 'CacheLint::CL001[/webhooks/POST]',
      reason: 'sender mints unique Idempotency-Key per event',
      acknowledgedAt: 'Demo/Api',
    }),
  ]);
  expect(mine.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['CL001[/webhooks/PUT]', 'CL001[/orders/POST]']));
  expect(mine.conclusion).toBe('failure');
});

test('rule-wide acknowledgement CacheLint::CL001: every CL001 finding under the construct, each recorded with the reason; others stay', () => {
  const { app, outdir, api } = twoApis(NO_THROW);
  Validations.of(api).acknowledge({ id: 'CacheLint::CL001', reason: 'legacy API, retired in Q3' });
  app.synth();
  const mine = readReport(outdir);
  const suppressed = mine.suppressedViolations.map((v) => [v.ruleName, v.ruleMetadata.findingId, v.acknowledgedId, v.reason, v.acknowledgedAt]);
  expect(suppressed.sort()).toEqual([
    ['CL001', '/webhooks/POST', 'CacheLint::CL001', 'legacy API, retired in Q3', 'Demo/Api'],
    ['CL001', '/webhooks/PUT', 'CacheLint::CL001', 'legacy API, retired in Q3', 'Demo/Api'],
  ]);
  expect(mine.suppressedViolations[0].description).toMatch(/\[finding \/webhooks\/(POST|PUT)\]$/);
  expect(mine.violations.filter((v) => v.ruleName.startsWith('CL001')).map((v) => v.ruleName)).toEqual(['CL001[/orders/POST]']);
  expect(mine.conclusion).toBe('failure');
});

test('acknowledgements on the stack cover both APIs; then only warnings remain and synth succeeds', () => {
  const { app, outdir, stack } = twoApis();
  Validations.of(stack).acknowledge({ id: 'CacheLint::CL001', reason: 'test stack' });
  expect(() => app.synth()).not.toThrow();
  const mine = readReport(outdir);
  expect(mine.conclusion).toBe('success');
  expect(mine.suppressedViolations).toHaveLength(3);
});

test('an acknowledgement on another construct, a bare id or the wrong case does not suppress', () => {
  const { app, outdir, other } = twoApis(NO_THROW);
  Validations.of(other).acknowledge(
    { id: 'CacheLint::CL001[/webhooks/POST]', reason: 'wrong construct' },
    { id: 'CL001[/orders/POST]', reason: 'bare id' },
    { id: 'cachelint::CL001', reason: 'wrong case' },
  );
  app.synth();
  const mine = readReport(outdir);
  expect(mine.suppressedViolations ?? []).toEqual([]);
  expect(mine.violations.filter((v) => v.ruleName.startsWith('CL001'))).toHaveLength(3);
});

test('warning-only app synthesizes: success with the warnings in the report', () => {
  const { app, outdir } = newApp();
  const stack = new Stack(app, 'Demo');
  allowAllDistribution(stack);
  Validations.of(app).addPlugins(new CacheLintChecks(app));
  expect(() => app.synth()).not.toThrow();
  const mine = readReport(outdir);
  expect(mine.conclusion).toBe('success');
  expect(mine.violations.map((v) => v.severity)).not.toContain('error');
  const cl002 = mine.violations.find((v) => v.ruleName.startsWith('CL002['));
  expect(cl002.suggestedFix).toMatch(/^Distribution Demo\/Cdn: Use cachePolicy: CachePolicy\.CACHING_DISABLED/);
  expect(cl002.violatingConstructs[0].constructPath).toBe('Demo/Cdn/Resource');
});

test('token-valued caching (CfnParameter) is reported as CL006', () => {
  const { app, outdir } = newApp();
  const stack = new Stack(app, 'Demo');
  const caching = new CfnParameter(stack, 'PostCaching', { type: 'String', default: 'true' });
  webhookApi(stack, { methodOptions: { '/webhooks/POST': { cachingEnabled: caching.value as unknown as boolean } } });
  Validations.of(app).addPlugins(new CacheLintChecks(app));
  app.synth();
  const mine = readReport(outdir);
  const cl006 = mine.violations.filter((v) => v.ruleName.startsWith('CL006['));
  expect(cl006.length).toBeGreaterThan(0);
  expect(cl006[0]).toMatchObject({ severity: 'warning', description: expect.stringMatching(/PostCaching/) });
  expect(mine.violations.some((v) => v.ruleName.startsWith('CL001['))).toBe(false);
});

test('below aws-cdk-lib 2.258 the plugin refuses with a clear message', () => {
  const OldApp = class {
    static [Symbol.for('jsii.rtti')] = { fqn: 'aws-cdk-lib.App', version: '2.257.0' };
  };
  const scope = { node: { root: new OldApp() } } as unknown as ConstructorParameters<typeof CacheLintChecks>[0];
  expect(() => new CacheLintChecks(scope)).toThrow(`needs aws-cdk-lib >= ${MIN_AWS_CDK_LIB_FOR_CHECKS}`);
  expect(() => new CacheLintChecks(scope)).toThrow(/this app uses 2\.257\.0.*CacheLintAspect/);
  expect(() => new CacheLintChecks().validate({ templatePaths: [], stackTemplates: [] } as unknown as Parameters<CacheLintChecks['validate']>[0])).toThrow(
    /needs aws-cdk-lib >= 2\.258\.0/,
  );
});

test('stacks inside a Stage are checked by the app-level plugin, with their nested-assembly template path', () => {
  const { app, outdir } = newApp(NO_THROW);
  webhookApi(new Stack(new Stage(app, 'Prod'), 'Demo'), { methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
  Validations.of(app).addPlugins(new CacheLintChecks(app));
  app.synth();
  const post = readReport(outdir).violations.find((v) => v.ruleName === 'CL001[/webhooks/POST]');
  expect(post.violatingConstructs[0]).toMatchObject({
    constructPath: 'Prod/Demo/Api/DeploymentStage.prod/Resource',
    cloudFormationResource: { templatePath: expect.stringMatching(/^assembly-Prod\/ProdDemo[0-9A-F]+\.template\.json$/) },
  });
});
