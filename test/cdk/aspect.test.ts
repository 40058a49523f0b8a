import * as fs from 'fs';
import * as path from 'path';
import { Annotations as Annotations_, App, Aspects, CfnParameter, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { CacheLintAspect } from '../../lib/cdk';
import { SUPPRESSED_METADATA_TYPE } from '../../lib/cdk/aspect';
import { allowAllDistribution, newApp, readPluginReports, webhookApi } from './helpers';

const STAGE = '/Demo/Api/DeploymentStage.prod/Resource';

function demo(deployOptions: apigw.StageOptions) {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  const api = webhookApi(stack, deployOptions);
  Aspects.of(app).add(new CacheLintAspect());
  return { app, stack, api };
}

const messages = (stack: Stack, level: 'findError' | 'findWarning' | 'findInfo') =>
  Annotations.fromStack(stack)
    [level]('*', Match.anyValue())
    .map((m) => ({ path: m.id, text: String(m.entry.data) }));

test('POST cached on a RestApi stage: error on the stage with the deployOptions fix', () => {
  const { stack } = demo({ methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
  Annotations.fromStack(stack).hasError(STAGE, Match.stringLikeRegexp('^\\[CL001\\] .*POST /webhooks.*ghost 200'));
  Annotations.fromStack(stack).hasError(
    STAGE,
    Match.stringLikeRegexp("Fix: RestApi Demo/Api: Set deployOptions\\.methodOptions\\['/webhooks/POST'\\] = \\{ cachingEnabled: false \\}"),
  );
  // Once per stack, one root cause: exactly one CL001 error.
  expect(messages(stack, 'findError').filter((m) => m.text.startsWith('[CL001]'))).toHaveLength(1);
});

test('safe look-alike: GET cached, POST not → no error', () => {
  const { stack } = demo({ methodOptions: { '/webhooks/GET': { cachingEnabled: true } } });
  Annotations.fromStack(stack).hasNoError('*', Match.stringLikeRegexp('CL0'));
});

test('POST pinned off under stage-wide caching: no CL001, no CL007', () => {
  const { stack } = demo({ cachingEnabled: true, methodOptions: { '/webhooks/POST': { cachingEnabled: false } } });
  Annotations.fromStack(stack).hasNoError('*', Match.stringLikeRegexp('CL0'));
  expect(
    messages(stack, 'findInfo')
      .concat(messages(stack, 'findWarning'))
      .filter((m) => /CL00[17]/.test(m.text)),
  ).toEqual([]);
});

test('a token-valued setting (CfnParameter) is CL006, never a pass', () => {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  const caching = new CfnParameter(stack, 'PostCaching', { type: 'String', allowedValues: ['true', 'false'], default: 'true' });
  webhookApi(stack, { methodOptions: { '/webhooks/POST': { cachingEnabled: caching.value as unknown as boolean } } });
  Aspects.of(app).add(new CacheLintAspect());
  const warnings = messages(stack, 'findWarning').filter((m) => m.text.startsWith('[CL006]'));
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings[0].path).toBe(STAGE);
  expect(warnings[0].text).toMatch(/PostCaching/);
  Annotations.fromStack(stack).hasNoError('*', Match.stringLikeRegexp('CL001'));
});

test('generic CfnResource stage (no L2): found by type, fix in CloudFormation property names', () => {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  const api = new CfnResource(stack, 'Api', { type: 'AWS::ApiGateway::RestApi', properties: { Name: 'hooks' } });
  const res = new CfnResource(stack, 'Hooks', {
    type: 'AWS::ApiGateway::Resource',
    properties: { RestApiId: api.ref, ParentId: api.getAtt('RootResourceId'), PathPart: 'webhooks' },
  });
  new CfnResource(stack, 'Post', {
    type: 'AWS::ApiGateway::Method',
    properties: { RestApiId: api.ref, ResourceId: res.ref, HttpMethod: 'POST', AuthorizationType: 'NONE', Integration: { Type: 'MOCK' } },
  });
  const deployment = new CfnResource(stack, 'Deployment', { type: 'AWS::ApiGateway::Deployment', properties: { RestApiId: api.ref } });
  new CfnResource(stack, 'Stage', {
    type: 'AWS::ApiGateway::Stage',
    properties: {
      RestApiId: api.ref,
      DeploymentId: deployment.ref,
      StageName: 'prod',
      CacheClusterEnabled: true,
      CacheClusterSize: '0.5',
      MethodSettings: [{ ResourcePath: '/~1webhooks', HttpMethod: 'POST', CachingEnabled: true }],
    },
  });
  Aspects.of(app).add(new CacheLintAspect());
  Annotations.fromStack(stack).hasError(
    '/Demo/Stage',
    Match.stringLikeRegexp('^\\[CL001\\].*Fix: CfnResource Demo/Stage \\(AWS::ApiGateway::Stage\\): Set CachingEnabled: false'),
  );
});

test('a Stage made with new apigateway.Stage gets its own methodOptions in the fix', () => {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  const api = new apigw.RestApi(stack, 'Api', { deploy: false });
  api.root.addResource('webhooks').addMethod('POST', new apigw.MockIntegration());
  new apigw.Stage(stack, 'Live', {
    deployment: new apigw.Deployment(stack, 'Deployment', { api }),
    stageName: 'live',
    methodOptions: { '/webhooks/POST': { cachingEnabled: true } },
  });
  Aspects.of(app).add(new CacheLintAspect());
  Annotations.fromStack(stack).hasError(
    '/Demo/Live/Resource',
    Match.stringLikeRegexp("Fix: Stage Demo/Live: Set methodOptions\\['/webhooks/POST'\\] = \\{ cachingEnabled: false \\} on the Stage"),
  );
});

test('Distribution ALLOW_ALL on CachingOptimized: warnings (not errors) on the distribution', () => {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  allowAllDistribution(stack);
  Aspects.of(app).add(new CacheLintAspect());
  Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  Annotations.fromStack(stack).hasWarning(
    '/Demo/Cdn/Resource',
    Match.stringLikeRegexp('^\\[CL002\\].*Fix: Distribution Demo/Cdn: Use cachePolicy: CachePolicy\\.CACHING_DISABLED'),
  );
});

test('acknowledged (CacheLint::CL001[...]) or suppressed in resource Metadata: no annotation, an audit entry with the reason', () => {
  const a = demo({ methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
  Validations.of(a.api).acknowledge({ id: 'CacheLint::CL001[/webhooks/POST]', reason: 'replay store by design' });
  expect(
    messages(a.stack, 'findError')
      .concat(messages(a.stack, 'findWarning'), messages(a.stack, 'findInfo'))
      .filter((m) => /CL001/.test(m.text)),
  ).toEqual([]);
  expect(audit(a.stack)).toContainEqual({
    path: STAGE,
    data: expect.objectContaining({
      id: 'CacheLint::CL001[/webhooks/POST]',
      by: "Validations.of(Demo/Api).acknowledge('CacheLint::CL001[/webhooks/POST]')",
      reason: 'replay store by design',
    }),
  });

  const b = demo({ methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
  (b.api.deploymentStage.node.defaultChild as CfnResource).addMetadata('cachelint', { ignore: [{ id: 'CL001', reason: 'test stage' }] });
  Annotations.fromStack(b.stack).hasNoError('*', Match.stringLikeRegexp('CL001'));
  expect(audit(b.stack)).toContainEqual({ path: STAGE, data: expect.objectContaining({ id: 'CacheLint::CL001[/webhooks/POST]', reason: 'test stage' }) });
});

/** The audit entries in the synthesized assembly (cdk.out/<Stack>.metadata.json). */
const audit = (stack: Stack) =>
  (stack.node.root as App)
    .synth()
    .getStackArtifact(stack.artifactId)
    .findMetadataByType(SUPPRESSED_METADATA_TYPE)
    .map((e) => ({ path: e.path, data: e.data }));

// What CDK prints after "Acknowledge with": core's annotation report (the same parsing as the CDK CLI) names each
// annotation's rule. A synth with that report on, then the acknowledgement of exactly the printed id, then a synth.
function annotationReport(build: (app: App, stack: Stack) => void) {
  const { app, outdir } = newApp({ '@aws-cdk/core:annotationsInValidationReport': true, '@aws-cdk/core:failSynthOnValidationErrors': false });
  const stack = new Stack(app, 'Demo');
  build(app, stack);
  Aspects.of(app).add(new CacheLintAspect());
  app.synth();
  const file = path.join(outdir, 'validation-report.json');
  // No annotation at all: core writes no report.
  const reports = fs.existsSync(file) ? readPluginReports(file) : [];
  const violations = reports.find((r) => r.pluginName === 'Construct Annotations')?.violations ?? [];
  return { stack, violations: violations.filter((v) => /\[CL0/.test(v.description)) };
}

describe('the id CDK prints acknowledges the finding', () => {
  const cdn = (app: App, stack: Stack) => allowAllDistribution(stack);

  test('warning: printed as CacheLint::CL002[<findingId>]; acknowledging exactly that id removes it', () => {
    const before = annotationReport(cdn);
    const cl002 = before.violations.filter((v) => v.description.startsWith('[CL002]'));
    expect(cl002).toHaveLength(1);
    const printed: string = cl002[0].ruleName;
    expect(printed).toMatch(/^CacheLint::CL002\[[^\]]+\]$/);
    expect(cl002[0].description).not.toMatch(/\]\s*$/); // no stray ']' left by a cut [ack: ...] tag
    // The message carries what the plugin's violation does: the fix, the docs and the id to acknowledge.
    expect(cl002[0].description).toMatch(/Fix: Distribution Demo\/Cdn: Use cachePolicy: CachePolicy\.CACHING_DISABLED/);
    expect(cl002[0].description).toContain(`Validations.of(construct).acknowledge({ id: '${printed}', reason: '…' })`);
    expect(cl002[0].description).toMatch(/\nDocs: \S+CL002\.md\n/);

    const viaValidations = annotationReport((app, stack) => {
      cdn(app, stack);
      Validations.of(stack).acknowledge({ id: printed, reason: 'static site, no writes' });
    });
    expect(viaValidations.violations.filter((v) => v.description.startsWith('[CL002]'))).toEqual([]);
    // Other findings on the same construct stay.
    expect(viaValidations.violations.length).toBe(before.violations.length - 1);

    const viaAnnotations = annotationReport((app, stack) => {
      cdn(app, stack);
      Annotations_.of(stack).acknowledgeWarning(printed, 'static site, no writes');
    });
    expect(viaAnnotations.violations.filter((v) => v.description.startsWith('[CL002]'))).toEqual([]);
  });

  test('look-alikes do not acknowledge: another finding id, a bare rule id, the wrong namespace, a sibling construct', () => {
    const before = annotationReport(cdn);
    const printed: string = before.violations.find((v) => v.description.startsWith('[CL002]')).ruleName;
    for (const id of ['CacheLint::CL002[/other/*]', printed.replace('CacheLint::', ''), printed.replace('CacheLint', 'cachelint'), 'CacheLint::CL003']) {
      const r = annotationReport((app, stack) => {
        cdn(app, stack);
        Validations.of(stack).acknowledge({ id, reason: 'r' });
        Annotations_.of(stack).acknowledgeWarning(id);
      });
      expect(r.violations.filter((v) => v.description.startsWith('[CL002]')).map((v) => v.ruleName)).toEqual([printed]);
    }
    const sibling = annotationReport((app, stack) => {
      cdn(app, stack);
      Annotations_.of(new Stack(app, 'Other')).acknowledgeWarning(printed);
    });
    expect(sibling.violations.filter((v) => v.description.startsWith('[CL002]'))).toHaveLength(1);
  });

  test('rule-wide CacheLint::CL002 on an ancestor acknowledges every CL002 finding under it', () => {
    const r = annotationReport((app, stack) => {
      cdn(app, stack);
      Annotations_.of(stack).acknowledgeWarning('CacheLint::CL002');
    });
    expect(r.violations.filter((v) => v.description.startsWith('[CL002]'))).toEqual([]);
  });

  test('error: CDK prints the id as a rule (not acknowledgeable); the message says how to accept it, and that works', () => {
    const post = (app: App, stack: Stack) => webhookApi(stack, { methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
    const before = annotationReport(post);
    const cl001 = before.violations.find((v) => v.description.startsWith('[CL001]'));
    expect(cl001).toMatchObject({ ruleName: 'CacheLint::CL001[/webhooks/POST]', severity: 'error' });
    expect(cl001.description).toContain(
      "CDK cannot acknowledge an error annotation; to accept this finding, call Validations.of(construct).acknowledge({ id: 'CacheLint::CL001[/webhooks/POST]', reason: '…' })",
    );
    expect(cl001.description).toContain("new CacheLintAspect({ rules: { CL001: 'warning' } })");

    const acked = annotationReport((app, stack) => {
      post(app, stack);
      Validations.of(stack).acknowledge({ id: 'CacheLint::CL001[/webhooks/POST]', reason: 'replay store by design' });
    });
    expect(acked.violations.filter((v) => v.description.startsWith('[CL001]'))).toEqual([]);
    // Annotations.acknowledgeWarning is for warnings: it does not silence an error.
    const warningAck = annotationReport((app, stack) => {
      post(app, stack);
      Annotations_.of(stack).acknowledgeWarning('CacheLint::CL001[/webhooks/POST]');
    });
    expect(warningAck.violations.filter((v) => v.description.startsWith('[CL001]'))).toHaveLength(1);
  });
});

test('props.rules turns a rule off or changes its severity', () => {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  webhookApi(stack, { methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
  Aspects.of(app).add(new CacheLintAspect({ rules: { CL001: 'warning' } }));
  Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  Annotations.fromStack(stack).hasWarning(STAGE, Match.stringLikeRegexp('^\\[CL001\\]'));
  expect(() => new CacheLintAspect({ rules: { CL001: 'fatal' } }).visit(stack)).toThrow(/rules\.CL001 must be/);
});

test('ResponseHeadersPolicy with Cache-Control no-store and override: false: CL003 on the policy, fix override: true; override: true is safe', () => {
  const run = (override: boolean) => {
    const { app } = newApp();
    const stack = new Stack(app, 'Demo');
    const responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(stack, 'NoStore', {
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-store', override }] },
    });
    new cloudfront.Distribution(stack, 'Cdn', {
      defaultBehavior: { origin: new origins.HttpOrigin('api.example.com'), allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL, responseHeadersPolicy },
    });
    Aspects.of(app).add(new CacheLintAspect());
    return [...messages(stack, 'findWarning'), ...messages(stack, 'findInfo')].filter((m) => m.text.startsWith('[CL003]'));
  };
  expect(run(false)).toEqual([
    {
      path: '/Demo/NoStore/Resource',
      text: expect.stringMatching(
        /no-store is partial: ResponseHeadersPolicy NoStore\w+ has no Override: true[\s\S]*Fix: .*Set override: true on the Cache-Control custom header/,
      ),
    },
  ]);
  expect(run(true)).toEqual([]);
});
