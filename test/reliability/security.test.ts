// The scan is data-only: it never executes anything from the scanned repository and never opens a connection.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin/cachelint.js');

test('a scan with every YAML code trick and a JS config file executes nothing and opens no connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-sec-'));
  const marker = join(dir, 'PWNED');
  const touch = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  writeFileSync(join(dir, 'cachelint.config.js'), `${touch};\nmodule.exports = {};\n`);
  writeFileSync(join(dir, '.cachelintrc.js'), `${touch};\n`);
  writeFileSync(
    join(dir, 'kong.yaml'),
    [
      '_format_version: "3.0"',
      'a: !!js/function |',
      `  function () { ${touch} }`,
      `b: !!js/undefined ""`,
      'c: !<tag:yaml.org,2002:js/function> |',
      `  function () { ${touch} }`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'template.yaml'),
    `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !!python/object/apply:os.system ["touch ${marker}"]\n`,
  );
  writeFileSync(join(dir, 'url.yaml'), '_format_version: "3.0"\nservices:\n  - name: s\n    url: http://169.254.169.254/latest/meta-data\n');
  const r = spawnSync(process.execPath, ['--require', join(__dirname, 'no-network-preload.js'), CLI, '--format', 'json', '.'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.stderr).not.toMatch(/NETWORK ATTEMPT/);
  expect(existsSync(marker)).toBe(false);
  expect(r.status).toBe(2); // the tagged files are rejected with located errors
  const out = JSON.parse(r.stdout);
  const codes = Object.fromEntries(out.errors.map((e: { file: string; code: string }) => [e.file, e.code]));
  expect(codes['kong.yaml']).toBe('unknown-tag');
  expect(codes['template.yaml']).toBe('unknown-tag');
});

test('the CLI never loads aws-cdk-lib, cdk-nag or constructs', () => {
  const probe = `const M=require('module');const o=M._load;M._load=function(r,...a){if(/^(aws-cdk-lib|cdk-nag|constructs)(\\/|$)/.test(r)){process.stderr.write('LOADED '+r+'\\n')}return o.call(this,r,...a)};`;
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-cold-'));
  writeFileSync(join(dir, 'kong.yaml'), '_format_version: "3.0"\nservices: []\n');
  const r = spawnSync(process.execPath, ['-e', `${probe}process.argv=[process.argv[0],${JSON.stringify(CLI)},'kong.yaml'];require(${JSON.stringify(CLI)})`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.stderr).not.toMatch(/LOADED/);
  expect(r.stdout + r.stderr).toMatch(/file\(s\) scanned|input error/);
});
