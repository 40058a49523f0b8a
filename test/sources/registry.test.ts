// Detection and the adapter registry on their own: which parsed values are templates, which texts are worth parsing,
// which YAML tags a text is parsed with, and that adapters load only on first use.
import { parseYaml } from '../../lib/parse/yaml';
import { isTemplate } from '../../lib/sources/cloudformation/detect';
import { ADAPTERS, lazyAdapter, looksLikeOurs, screenText, tagModeFor } from '../../lib/sources';
import type { SourceAdapter } from '../../lib/sources/types';

describe('isTemplate', () => {
  it.each<[string, unknown, string, boolean]>([
    ['AWSTemplateFormatVersion with Resources', { AWSTemplateFormatVersion: '2010-09-09', Resources: {} }, 't.yaml', true],
    ['AWSTemplateFormatVersion with a Transform only', { AWSTemplateFormatVersion: '2010-09-09', Transform: 'AWS::Serverless-2016-10-31' }, 't.yaml', true],
    ['AWSTemplateFormatVersion alone', { AWSTemplateFormatVersion: '2010-09-09' }, 't.yaml', false],
    ['a cdk.out stack template with any Resources', { Resources: { A: { Type: 'Thing' } } }, 'cdk.out/Stack.template.JSON', true],
    ['Resources with an AWS:: type', { Resources: { A: { Type: 'AWS::S3::Bucket' } } }, 't.yaml', true],
    ['Resources with a Custom:: type', { Resources: { A: 1, B: { Type: 'Custom::X' } } }, 't.yaml', true],
    ['Resources with an Alexa:: type', { Resources: { A: { Type: 'Alexa::ASK::Skill' } } }, 't.yaml', true],
    ['Resources with other types', { Resources: { A: { Type: 'Kong::Thing' }, B: { Type: 5 }, C: null } }, 't.yaml', false],
    ['Resources that is a list', { AWSTemplateFormatVersion: '2010-09-09', Resources: [] }, 'x.template.json', false],
    ['a list', [{ Resources: {} }], 't.yaml', false],
    ['null', null, 't.yaml', false],
    ['text', 'Resources', 't.yaml', false],
    ['AWSTemplateFormatVersion with Resources that is text', { AWSTemplateFormatVersion: '2010-09-09', Resources: 'x' }, 't.yaml', false],
    ['AWSTemplateFormatVersion with empty Resources text', { AWSTemplateFormatVersion: '2010-09-09', Resources: '' }, 'x.template.json', false],
    ['Resources with a Transform only', { Transform: 'AWS::Serverless-2016-10-31', Resources: { Fn: { Type: 'Other' } } }, 't.yaml', true],
    [
      'Resources of Fn::ForEach loops only',
      { Resources: { 'Fn::ForEach::Sites': ['N', ['a'], { 'Cdn${N}': { Type: 'AWS::CloudFront::Distribution' } }] } },
      't.yaml',
      true,
    ],
    ['a backup of a cdk.out stack template', { Resources: { A: { Type: 'Thing' } } }, 'Stack.template.json.bak', false],
  ])('%s → %s', (_what, value, file, expected) => expect(isTemplate(value, file)).toBe(expected));

  it('without a file name', () => expect(isTemplate({ Resources: { A: { Type: 'AWS::SNS::Topic' } } })).toBe(true));
});

describe('looksLikeOurs and tagModeFor', () => {
  it.each([
    ['AWSTemplateFormatVersion: "2010-09-09"', true],
    ['{"Type": "AWS::S3::Bucket"}', true],
    ['_format_version: "3.0"', true],
    ['x: 1\nroutes:\n  - a', true],
    ['"plugins": []', true],
    ["'consumer_groups': []", true],
    ['apiVersion: configuration.konghq.com/v1', true],
    ['metadata:\n  annotations:\n    konghq.com/plugins: a', true],
    ['kind: HTTPRoute', true],
    ['kind:   List', true],
    ['kind: Deployment', false],
    ['name: my-package\nversion: 1.0.0\ndependencies: {}', false],
    ['  services: indented only', false],
  ])('%j → %s', (text, expected) => expect(looksLikeOurs(text)).toBe(expected));

  it('CloudFormation tags only where the text uses them', () => {
    expect(
      ['AWSTemplateFormatVersion: x', 'Type: AWS::S3::Bucket', 'a: !Ref B', 'a: !GetAtt B.C', 'a: !Sub x', 'a: !If [c, 1, 2]', '_format_version: "3.0"'].map(
        tagModeFor,
      ),
    ).toEqual(['cloudformation', 'cloudformation', 'cloudformation', 'cloudformation', 'cloudformation', 'plain', 'plain']);
  });
});

describe('the registry', () => {
  it('CloudFormation first, then Kong, then Kong Ingress', () => {
    expect(ADAPTERS.map((a) => [a.format, !!a.toModelsTogether, !!a.screenText])).toEqual([
      ['cloudformation', false, false],
      ['kong', true, false], // together: decK patch files meet the state files they change
      ['kong-ingress', true, true],
    ]);
  });

  it('detection per format', () => {
    const doc = (text: string) => parseYaml(text, { tags: 'plain' }).documents[0];
    const owner = (text: string, file = 'x.yaml') => ADAPTERS.find((a) => a.detect(doc(text), file))?.format;
    expect(owner('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')).toBe('cloudformation');
    expect(owner('_format_version: "3.0"\n')).toBe('kong');
    expect(owner('_format_version: "1.0"\npatches:\n  - values: { a: 1 }\n')).toBe('kong');
    expect(owner('add-plugins:\n  - plugins: [{ name: cors }]\n')).toBe('kong');
    expect(owner('resources: [a.yaml]\npatches:\n  - path: p.yaml\n')).toBeUndefined();
    expect(owner('apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nmetadata: { name: a }\nplugin: cors\n')).toBe('kong-ingress');
    expect(owner('a: 1\n')).toBeUndefined();
  });

  it('screenText asks each adapter that screens: a Helm template about Kong is a problem, anything else passes', () => {
    expect(screenText('kind: Ingress\nname: {{ .Values.name }}\n', 'x.yaml')).toMatchObject({ problem: { code: 'template', line: 2 } });
    expect(screenText('_format_version: "3.0"\n', 'x.yaml')).toBeUndefined();
  });

  it('lazyAdapter loads the adapter once, on the first conversion, and only offers toModelsTogether when asked', () => {
    let loads = 0;
    const real: SourceAdapter = {
      format: 'x',
      detect: () => true,
      toModels: (input) => ({ models: [{ file: input.file, endpoints: [], facts: [] }], errors: [] }),
      toModelsTogether: (inputs) => ({ models: inputs.map((i) => ({ file: i.file, endpoints: [], facts: [] })), errors: [] }),
    };
    const load = () => {
      loads++;
      return real;
    };
    const screen = () => undefined;
    const lazy = lazyAdapter('x', () => false, load, { together: true, screenText: screen });
    expect([lazy.format, loads, lazy.screenText]).toEqual(['x', 0, screen]);
    const parsed = parseYaml('a: 1\n');
    expect(lazy.toModels({ file: 'a', parsed }).models.map((m) => m.file)).toEqual(['a']);
    expect(
      lazy.toModelsTogether!([
        { file: 'b', parsed },
        { file: 'c', parsed },
      ]).models.map((m) => m.file),
    ).toEqual(['b', 'c']);
    expect(loads).toBe(1);
    const plain = lazyAdapter('y', () => false, load);
    expect([plain.toModelsTogether, plain.screenText]).toEqual([undefined, undefined]);
  });
});
