// End to end: the repository's cdk.json and examples/cdk/app.js through the real aws-cdk CLI. The package is
// compiled into a temporary copy (tsc, ~8 s) so the demo's `require('cachelint/cdk')` loads these sources, not a
// stale dist/; the copy links this repository's node_modules. Offline: notices and telemetry are off in cdk.json.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
let pkg: string;

beforeAll(() => {
  pkg = tempDir();
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', path.join(pkg, 'dist')],
    { stdio: 'pipe' },
  );
  for (const f of ['package.json', 'cdk.json']) fs.copyFileSync(path.join(ROOT, f), path.join(pkg, f));
  fs.mkdirSync(path.join(pkg, 'examples'));
  fs.cpSync(path.join(ROOT, 'examples/cdk'), path.join(pkg, 'examples/cdk'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
}, 120_000);

function cdkSynth(...args: string[]) {
  const out = tempDir(); // fresh: a stale validation-report.json would be re-reported
  const env = { ...process.env, CDK_VALIDATION: 'false', CDK_DISABLE_VERSION_CHECK: '1', NPM_CONFIG_UPDATE_NOTIFIER: 'false', CI: 'true' };
  delete env.NODE_ENV; // jest sets 'test', which changes how the app reports (in-memory mode)
  delete env.CDK_OUTDIR;
  const r = spawnSync('npx', ['cdk', 'synth', '-q', '-o', out, ...args], { cwd: pkg, env, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, out };
}

test('npx cdk synth fails with the CL001 finding and its fix; -c fixed=true synthesizes cleanly', () => {
  const bad = cdkSynth();
  expect(bad.status).toBe(1);
  expect(bad.output).toMatch(/ERROR \[CL001\] .*POST \/webhooks.*ghost 200/);
  expect(bad.output).toMatch(
    /Suggested fix: RestApi WebhookReceiver\/Api: Set deployOptions\.methodOptions\['\/webhooks\/POST'\] = \{ cachingEnabled: false \}/,
  );
  expect(bad.output).toMatch(/WARNING \[CL002\] .*Suggested fix: Distribution WebhookReceiver\/Cdn: Use cachePolicy: CachePolicy\.CACHING_DISABLED/s);
  expect(bad.output).toMatch(/Acknowledge with 'CacheLint::CL001\[\/webhooks\/POST\]'/);
  expect(bad.output).toMatch(/Synthesis finished with errors/);

  const good = cdkSynth('-c', 'fixed=true');
  expect(good.output).not.toMatch(/CacheLint|CL0\d\d/);
  expect(good.status).toBe(0);
  expect(fs.existsSync(path.join(good.out, 'WebhookReceiver.template.json'))).toBe(true);
}, 120_000);

test('-c integration=aspect: the Aspect fails synth with an error annotation', () => {
  const r = cdkSynth('-c', 'integration=aspect');
  expect(r.status).toBe(1);
  expect(r.output).toMatch(/\[CL001\] .*Fix: RestApi WebhookReceiver\/Api: Set deployOptions\.methodOptions\['\/webhooks\/POST'\]/);
  expect(r.output).toMatch(/WebhookReceiver\/Api\/DeploymentStage\.prod\/Resource/);
}, 120_000);

test('-c integration=aspect: every id CDK prints after "Acknowledge with" acknowledges its finding', () => {
  const before = cdkSynth('-c', 'integration=aspect');
  const printed = [...before.output.matchAll(/Acknowledge with '([^']+)'/g)].map((m) => m[1]);
  expect(printed.length).toBeGreaterThan(0);
  for (const id of printed) expect(id).toMatch(/^CacheLint::CL0\d\d\[[^\]]+\]$/); // never Annotation::warning-annotation
  // The error is printed as a rule (CDK cannot acknowledge error annotations); its message says how to accept it.
  expect(before.output).toMatch(/Rule CacheLint::CL001\[\/webhooks\/POST\]/);
  expect(before.output).toMatch(
    /CDK cannot acknowledge an error annotation; to accept this finding, call Validations\.of\(construct\)\.acknowledge\(\{ id: 'CacheLint::CL001\[\/webhooks\/POST\]'/,
  );

  const id = printed[0];
  const after = cdkSynth('-c', 'integration=aspect', '-c', `acknowledge=${id}`);
  expect(after.output).not.toContain(`'${id}'`);
  expect([...after.output.matchAll(/Acknowledge with '([^']+)'/g)].map((m) => m[1])).toEqual(printed.slice(1));

  const error = cdkSynth('-c', 'integration=aspect', '-c', 'acknowledge=CacheLint::CL001[/webhooks/POST]');
  expect(error.output).not.toMatch(/CL001/);
  expect(error.output).not.toMatch(/Synthesis finished with errors/);
  expect(error.status).toBe(0);
}, 180_000);
