// cdk.out folders: the fixture was synthesised with aws-cdk-lib 2.276.0 (an app with stack `Webhooks` and a Stage `Prod`
// holding a second `Webhooks`), trimmed to manifests, logical-id metadata and templates. The nested stack's template
// had its `aws:cdk:path` metadata removed, as `cdk synth --no-path-metadata` writes it: construct paths then come from
// the manifest's additionalMetadataFile.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expandCloudAssembly, isCloudAssembly, modelsFromAssembly } from '../../../lib/sources/cloudformation';
import { evaluate } from '../../../lib/engine';

const CDK_OUT = join(__dirname, '../../fixtures/cloudformation/cdk.out');

test('a cdk.out folder is recognised by its manifest; other folders are not', () => {
  expect(isCloudAssembly(CDK_OUT)).toBe(true);
  expect(isCloudAssembly(join(CDK_OUT, 'assembly-Prod'))).toBe(true);
  expect(isCloudAssembly(join(__dirname, '../../fixtures/cloudformation'))).toBe(false);
  for (const manifest of ['{"version": "1", "artifacts": {}, "version": "2"}', '{"artifacts": {}}', '{"version": "1"}', 'not json: [']) {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-cdkout-'));
    writeFileSync(join(dir, 'manifest.json'), manifest);
    expect(isCloudAssembly(dir)).toBe(false);
  }
});

test('expandCloudAssembly lists every stack, nested Stage assemblies included, with construct paths', () => {
  const { stacks, errors } = expandCloudAssembly(CDK_OUT);
  expect(errors).toEqual([]);
  expect(stacks.map((s) => [relative(CDK_OUT, s.templateFile), s.artifactId, s.constructPath])).toEqual([
    ['assembly-Prod/ProdWebhooksA33FEE4D.template.json', 'ProdWebhooksA33FEE4D', 'Prod/Webhooks'],
    ['Webhooks.template.json', 'Webhooks', 'Webhooks'],
  ]);
  expect(stacks[0].stackName).toBe('Prod-Webhooks');
  expect(stacks[0].constructPaths.ApiDeploymentStageprod3EB9684E).toBe('Prod/Webhooks/Api/DeploymentStage.prod/Resource');
});

describe('modelsFromAssembly', () => {
  const out = modelsFromAssembly(CDK_OUT, (f) => relative(CDK_OUT, f));
  test('one model per stack, CDK flavour, no errors', () => {
    expect(out.errors).toEqual([]);
    expect(out.files).toEqual(['assembly-Prod/ProdWebhooksA33FEE4D.template.json', 'Webhooks.template.json']);
    expect(out.models.every((m) => m.endpoints.every((e) => e.flavor === 'cdk'))).toBe(true);
  });
  test('the top-level stack caches POST /webhooks (methodOptions) under */*; the Stage pins it off', () => {
    const [nested, top] = out.models;
    const post = top.endpoints.find((e) => e.findingId === '/webhooks/POST')!;
    expect(post.caches).toEqual([
      expect.objectContaining({ kind: 'apigateway-stage-cache', scope: 'method', cachedMethods: { known: true, value: ['POST'] } }),
    ]);
    // Path metadata in the template.
    expect(post.caches[0].at.constructPath).toBe('Webhooks/Api/DeploymentStage.prod/Resource');
    const pinned = nested.endpoints.find((e) => e.findingId === '/webhooks/POST')!;
    expect(pinned.caches).toEqual([expect.objectContaining({ scope: 'stage-wide', cachedMethods: { known: true, value: [] } })]);
    // No path metadata in this template: the construct path comes from the manifest.
    expect(pinned.at).toMatchObject({ logicalId: 'ApiwebhooksPOSTFF4A34C4', constructPath: 'Prod/Webhooks/Api/Default/webhooks/POST/Resource' });
    // The cached one: CL001 and CL003 are different settings with different fixes, both reported; CL003 is a warning
    // because the stage stores POST responses. The pinned one is still a webhook path without Cache-Control: no-store
    // (CL003), never CL001, and only info: nothing on its path stores POST responses.
    expect(evaluate(out.models).map((f) => `${f.ruleId} ${f.severity} ${f.file} ${f.findingId}`)).toEqual([
      'CL001 error Webhooks.template.json /webhooks/POST',
      'CL003 warning Webhooks.template.json /webhooks/POST',
      'CL003 info assembly-Prod/ProdWebhooksA33FEE4D.template.json /webhooks/POST',
    ]);
  });
});

test('a manifest naming a missing template, or a broken manifest, is an input error, never a silent pass', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-cdkout-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ version: '55.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }),
  );
  const missing = modelsFromAssembly(dir);
  expect(missing.errors).toEqual([expect.objectContaining({ code: 'unreadable', message: expect.stringContaining('missing') })]);
  expect(missing.files).toEqual([join(dir, 'S.template.json')]); // file names as they are without a display function
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'manifest.json'), '{"version": "1", "artifacts": {"a": 1, "a": 2}}');
  expect(expandCloudAssembly(join(dir, 'broken')).errors).toEqual([expect.objectContaining({ code: 'duplicate-key', line: 1 })]);
});

describe('a cloud assembly that cannot be read: each problem located and worded, the other stacks still read', () => {
  const assembly = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-cdkout-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  const stack = (templateFile: unknown, extra: Record<string, unknown> = {}) => ({ type: 'aws:cloudformation:stack', properties: { templateFile }, ...extra });
  const template = JSON.stringify({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } } } });

  it('manifest problems: no artifacts, a stack without templateFile, not a JSON object', () => {
    const noArtifacts = assembly({ 'manifest.json': JSON.stringify({ version: '55.0.0', artifacts: [] }) });
    expect(expandCloudAssembly(noArtifacts).errors).toEqual([
      {
        file: join(noArtifacts, 'manifest.json'),
        line: 1,
        column: 1,
        code: 'cdk-assembly',
        message: 'manifest.json has no artifacts: not a CDK cloud assembly',
      },
    ]);
    const noTemplate = assembly({
      'manifest.json': JSON.stringify({ version: '55.0.0', artifacts: { A: stack(5), B: stack('B.json'), T: { type: 'cdk:tree' } } }),
      'B.json': template,
    });
    const r = expandCloudAssembly(noTemplate);
    expect(r.errors).toEqual([
      { file: join(noTemplate, 'manifest.json'), line: 1, column: 1, code: 'cdk-assembly', message: 'stack artifact A has no templateFile' },
    ]);
    expect(r.stacks.map((s) => [s.artifactId, s.stackName, s.constructPath])).toEqual([['B', 'B', 'B']]);
    for (const artifacts of [null, 'x', 7]) {
      const odd = assembly({ 'manifest.json': JSON.stringify({ version: '55.0.0', artifacts }) });
      expect(expandCloudAssembly(odd).errors).toEqual([expect.objectContaining({ message: 'manifest.json has no artifacts: not a CDK cloud assembly' })]);
    }
    const list = assembly({ 'manifest.json': '[1, 2]' });
    expect(expandCloudAssembly(list).errors).toEqual([
      { file: join(list, 'manifest.json'), line: 1, column: 1, code: 'cdk-assembly', message: 'expected a JSON object' },
    ]);
  });

  it('stack names, display names and logical ids from the manifest metadata and the additional metadata file', () => {
    const dir = assembly({
      'manifest.json': JSON.stringify({
        version: '55.0.0',
        artifacts: {
          S: stack('S.json', {
            displayName: 'App/S',
            properties: { templateFile: 'S.json', stackName: 'app-s' },
            metadata: { '/App/S/Api/Resource': [{ type: 'aws:cdk:logicalId', data: 'ApiId' }, { type: 'other', data: 'X' }, null], '/App/S/Bad': 'x' },
            additionalMetadataFile: 'S.metadata.json',
          }),
          N: { type: 'cdk:cloud-assembly', properties: { directoryName: 'nested' } },
          M: { type: 'cdk:cloud-assembly', properties: {} },
        },
      }),
      'S.json': template,
      'S.metadata.json': JSON.stringify({ '/App/S/Stage/Resource': [{ type: 'aws:cdk:logicalId', data: 'StageId' }] }),
      'nested/manifest.json': JSON.stringify({ version: '55.0.0', artifacts: { Inner: stack('Inner.json') } }),
      'nested/Inner.json': template,
    });
    const { stacks, errors } = expandCloudAssembly(dir);
    expect(errors).toEqual([]);
    expect(stacks.map((s) => [relative(dir, s.templateFile), s.artifactId, s.stackName, s.constructPath, s.constructPaths])).toEqual([
      ['S.json', 'S', 'app-s', 'App/S', { ApiId: 'App/S/Api/Resource', StageId: 'App/S/Stage/Resource' }],
      ['nested/Inner.json', 'Inner', 'Inner', 'Inner', {}],
    ]);
  });

  it('nested assemblies: 20 levels are read; deeper is an error at the manifest not read, never a silent skip', () => {
    const nest = (levels: number) => {
      const files: Record<string, string> = {};
      let folder = '';
      for (let i = 0; i < levels; i++) {
        const nested = i < levels - 1 ? { N: { type: 'cdk:cloud-assembly', properties: { directoryName: 'n' } } } : {};
        files[`${folder}manifest.json`] = JSON.stringify({ version: '55.0.0', artifacts: { [`S${i}`]: stack(`S${i}.json`), ...nested } });
        files[`${folder}S${i}.json`] = template;
        folder += 'n/';
      }
      return assembly(files);
    };
    const deep = expandCloudAssembly(nest(21)); // the top and 20 nested levels
    expect(deep.stacks).toHaveLength(21);
    expect(deep.errors).toEqual([]);
    const deeper = nest(23);
    const r = expandCloudAssembly(deeper);
    expect(r.stacks).toHaveLength(21);
    expect(r.errors).toEqual([
      {
        file: join(deeper, 'n/'.repeat(21), 'manifest.json'),
        line: 1,
        column: 1,
        code: 'cdk-assembly',
        message: 'nested cloud assembly more than 20 levels deep: not read',
      },
    ]);
  });

  it('stack templates: missing, not a template, or unparseable are located errors; the good stack is still judged', () => {
    const dir = assembly({
      'manifest.json': JSON.stringify({
        version: '55.0.0',
        artifacts: { Gone: stack('Gone.json'), Empty: stack('Empty.json'), Broken: stack('Broken.json'), Good: stack('Good.json') },
      }),
      'Empty.json': '{"Outputs": {}}',
      'Broken.json': '{"Resources": {"A": 1, "A": 2}}',
      'Good.json': template,
    });
    const out = modelsFromAssembly(dir, (f) => relative(dir, f));
    expect(out.files).toEqual(['Gone.json', 'Empty.json', 'Broken.json', 'Good.json']);
    expect(out.errors.map((e) => [e.file, e.code, e.line, e.message.replace(/:.*/, '')])).toEqual([
      ['Gone.json', 'unreadable', undefined, 'template of stack Gone is missing (listed in manifest.json)'],
      ['Empty.json', 'cdk-assembly', 1, 'template of stack Empty has no Resources'],
      ['Broken.json', 'duplicate-key', 1, expect.any(String)],
    ]);
    expect(out.models.map((m) => m.file)).toEqual(['Good.json']);
  });
});
