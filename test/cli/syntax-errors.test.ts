// YAML syntax errors through the CLI: located where the unclosed construct opened, with the code frame findings get.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

async function stylish(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-syntax-'));
  writeFileSync(join(dir, name), text);
  return runCli([name], dir);
}

const KONG = ['_format_version: "3.0"', 'services:', '  - name: s', '    url: http://x', '    routes:', '      - name: r'];

test('an unclosed [ on line 7: reported at 7:18 with a frame, and where the parser gave up (8:9)', async () => {
  const r = await stylish('kong.yaml', [...KONG, '        methods: [GET, POST', '        paths:', '          - /a', ''].join('\n'));
  expect(r.code).toBe(2);
  expect(r.stdout.split('\n').slice(0, 4)).toEqual([
    'kong.yaml:7:18: input error parse: invalid YAML: this "[" is never closed; the parser gave up at line 8, column 9 (deficient indentation)',
    '  6 |       - name: r',
    '  7 |         methods: [GET, POST',
    '    |                  ^^^^',
  ]);
});

test('an unclosed quote, an unclosed { in a CloudFormation template, bad indentation: each located with its frame', async () => {
  const quote = await stylish('kong.yaml', [...KONG, '        paths: ["/a]', '        methods: [POST]', ''].join('\n'));
  expect(quote.stdout).toMatch(
    /^kong\.yaml:7:17: input error parse: invalid YAML: this quoted string \("\) is never closed; the parser gave up at line 8, column 9 /,
  );
  expect(quote.stdout).toContain('  7 |         paths: ["/a]\n    |                 ^');

  const cfn = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Api:',
    '    Type: AWS::ApiGateway::RestApi',
    '    Properties: {Name: api',
    '  Stage:',
    '    Type: AWS::ApiGateway::Stage',
    '',
  ];
  const brace = await stylish('template.yaml', cfn.join('\n'));
  expect(brace.stdout).toMatch(/^template\.yaml:5:17: input error parse: invalid YAML: this "\{" is never closed; the parser gave up at line 6, column 3 /);
  expect(brace.stdout).toContain('  5 |     Properties: {Name: api\n    |                 ^');

  const indent = await stylish('kong.yaml', [...KONG.slice(0, 4), '   routes: []', ''].join('\n'));
  expect(indent.stdout.split('\n').slice(0, 4)).toEqual([
    'kong.yaml:5:4: input error parse: invalid YAML: bad indentation of a sequence entry',
    '  4 |     url: http://x',
    '  5 |    routes: []',
    '    |    ^^^^^^',
  ]);
});

test('json and sarif carry the opener as the error position', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-syntax-'));
  writeFileSync(join(dir, 'kong.yaml'), [...KONG, '        methods: [GET, POST', '        paths:', '          - /a', ''].join('\n'));
  const json = JSON.parse((await runCli(['--format', 'json', 'kong.yaml'], dir)).stdout);
  expect(json.errors).toEqual([expect.objectContaining({ file: 'kong.yaml', code: 'parse', line: 7, column: 18 })]);
  const sarif = JSON.parse((await runCli(['--format', 'sarif', 'kong.yaml'], dir)).stdout);
  expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 18 });
});
