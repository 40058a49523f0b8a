// CacheLintChecks reads the template CDK wrote (stackTemplateFromFile) instead of resolving the stack again; the
// aspect resolves it. Both must give the same findings, constructs and property paths, with and without the
// aws:cdk:path metadata the CDK CLI adds. TemplateLayout must place members where JSON.stringify(t, null, 1) does.
import * as path from 'path';
import { CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { analyzeStack, configFrom, type ConstructFinding } from '../../lib/cdk/analyze';
import { stackTemplate, stackTemplateFromFile, TemplateLayout, type StackLike } from '../../lib/cdk/stack-template';
import { allowAllDistribution, newApp, webhookApi } from './helpers';

const summary = (fs: ConstructFinding[]) =>
  fs.map((f) => ({
    rule: f.finding.ruleId,
    id: f.finding.findingId,
    line: f.finding.line,
    construct: f.constructPath,
    logicalId: f.logicalId,
    locations: f.locations,
    fix: f.fixWithSnippet,
  }));

describe.each([false, true])('template from the file = resolved in memory (path metadata %s)', (pathMetadata) => {
  test('same findings, constructs, lines and property paths', () => {
    const { app, outdir } = newApp({ 'aws:cdk:enable-path-metadata': pathMetadata });
    const stack = new Stack(app, 'Demo');
    webhookApi(stack, { cacheClusterEnabled: true, methodOptions: { '/*/*': { cachingEnabled: true } } });
    allowAllDistribution(stack);
    const ttl = new CfnParameter(stack, 'Ttl', { type: 'Number', default: 300 });
    // A raw L1 with an overridden logical id: matched by id, not by construct path.
    const raw = new CfnResource(stack, 'RawStage', {
      type: 'AWS::ApiGateway::Stage',
      properties: {
        RestApiId: 'abc',
        StageName: 'raw',
        CacheClusterEnabled: true,
        MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: true, CacheTtlInSeconds: ttl.valueAsNumber }],
      },
    });
    raw.overrideLogicalId('MyRawStage');
    const assembly = app.synth();
    const config = configFrom({});
    const file = path.join(outdir, assembly.getStackByName('Demo').templateFile);
    const fromFile = analyzeStack(stack as unknown as StackLike, config, file);
    const resolved = analyzeStack(stack as unknown as StackLike, config);
    expect(fromFile.length).toBeGreaterThan(0);
    expect(fromFile.some((f) => f.logicalId === 'MyRawStage')).toBe(true);
    expect(summary(fromFile)).toEqual(summary(resolved));

    // Every element is found under the same key as in the in-memory template: resources matched cheaply, the
    // Deployment (a token logical id), the parameter and the rule resolved on demand.
    const t = stackTemplateFromFile(stack as unknown as StackLike, file);
    const keys = [...(stackTemplate(stack as unknown as StackLike).elements as Map<string, unknown>).keys()];
    expect(keys.some((k) => /^Resources\/ApiDeployment/.test(k))).toBe(true);
    expect(keys).toContain('Parameters/Ttl');
    const memory = stackTemplate(stack as unknown as StackLike).elements;
    for (const k of keys) expect(t.elements.get(k)).toBe(memory.get(k));
    expect(t.elements.get('Resources/Nope')).toBeUndefined();
  });
});

test('an unreadable template path falls back to resolving the stack', () => {
  const { app } = newApp();
  const stack = new Stack(app, 'Demo');
  webhookApi(stack, { methodOptions: { '/webhooks/POST': { cachingEnabled: true } } });
  const found = analyzeStack(stack as unknown as StackLike, configFrom({}), '/nonexistent/Demo.template.json');
  expect(found.map((f) => f.finding.ruleId)).toContain('CL001');
});

test('TemplateLayout: every member where JSON.stringify(value, null, 1) writes it, and back from the line', () => {
  const value = { A: { x: [1, { y: 'z', e: {} }, []], '10': null, '2': true }, B: [], C: [[1], { d: { e: [2, 3] } }] };
  const lines = JSON.stringify(value, null, 1).split('\n');
  const layout = new TemplateLayout(value);
  const walk = (v: unknown, p: (string | number)[]) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v)) {
      const childPath = [...p, k];
      const { line, column } = layout.position(childPath);
      const text = lines[line - 1];
      expect(text.slice(0, column - 1)).toBe(' '.repeat(column - 1));
      if (typeof k === 'string') expect(text.slice(column - 1)).toMatch(new RegExp(`^"${k}":`));
      expect(layout.pathAt(line)).toEqual(childPath);
      walk(child, childPath);
    }
  };
  walk(value, []);
  expect(layout.position([])).toEqual({ line: 1, column: 1 });
  expect(layout.position(['A', 'x', 7, 'q'])).toEqual(layout.position(['A', 'x'])); // the deepest prefix that exists
  expect(layout.position(['A', 'x', '1'])).toEqual(layout.position(['A', 'x'])); // an array index is a number
  expect(layout.pathAt(1)).toBeUndefined();
  expect(layout.pathAt(lines.length)).toBeUndefined(); // the root's closing bracket
  const closing = lines.findIndex((l, i) => i > 0 && /^ {2}\]/.test(l)) + 1;
  expect(layout.pathAt(closing)).toBeUndefined();
});
