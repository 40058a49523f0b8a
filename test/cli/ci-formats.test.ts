import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { toyFile, useToyAdapter } from './toy-adapter';

useToyAdapter();
const tmp = () => mkdtempSync(join(tmpdir(), 'cachelint-ci-'));

function repoWithFinding(): string {
  const dir = tmp();
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'gw'));
  writeFileSync(join(dir, 'gw', 'toy.yaml'), toyFile([{ path: '/webhooks/stripe', cache_post: true }]));
  return dir;
}

describe('CI formats through the CLI', () => {
  test('-f sarif -o report.sarif writes SARIF to the file and stylish to the terminal', async () => {
    const dir = repoWithFinding();
    const r = await runCli(['-f', 'sarif', '-o', 'report.sarif', 'gw/toy.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^gw\/toy\.yaml:4:5: error CL001 unsafe-method-cached/m);
    expect(r.stdout).not.toMatch(/"version"/);
    const log = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0]).toMatchObject({
      ruleId: 'CL001',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'gw/toy.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 5 } } }],
      properties: { findingId: '/webhooks/stripe/POST', route: 'POST /webhooks/stripe' },
    });
  });

  test('run from a subfolder, SARIF and github paths are still relative to the repository root', async () => {
    const dir = repoWithFinding();
    const sarif = JSON.parse((await runCli(['-f', 'sarif', 'toy.yaml'], join(dir, 'gw'))).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('gw/toy.yaml');
    const gh = await runCli(['-f', 'github', 'toy.yaml'], join(dir, 'gw'));
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=gw\/toy\.yaml,line=4,col=5,.*title=CL001 unsafe-method-cached::/m);
  });

  test('-f junit prints XML; an unreadable input is an <error> testcase and exit 2', async () => {
    const dir = repoWithFinding();
    const r = await runCli(['-f', 'junit', 'gw/toy.yaml', 'gw/missing.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="cachelint" tests="2" failures="1" errors="1"/);
    expect(r.stdout).toMatch(/<error type="unreadable"/);
  });

  test('input errors in SARIF: executionSuccessful false with a located notification', async () => {
    const dir = repoWithFinding();
    writeFileSync(join(dir, 'gw', 'dup.yaml'), 'toy_gateway: 1\ntoy_gateway: 1\n');
    const r = await runCli(['-f', 'sarif', 'gw/dup.yaml'], dir);
    expect(r.code).toBe(2);
    const inv = JSON.parse(r.stdout).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0]).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'gw/dup.yaml' }, region: { startLine: 2 } } }],
    });
  });
});
