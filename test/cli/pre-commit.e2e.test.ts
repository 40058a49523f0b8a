// End to end with the real pre-commit (Debian's 3.0.4 in CI: .ci/run installs it): a consumer repository uses this
// repository as a hook repo at a commit, `pre-commit install`, then `git commit` of a bad Kong file is blocked with the
// finding printed and the fixed file commits. The hook repo is a `git clone` of HEAD, so it tests what is committed
// (dist/ included: pre-commit runs `npm install` + `npm pack` and builds nothing). Needs the npm registry (or a warm
// npm cache) for the hook's `npm install`. Skipped, loudly, only where pre-commit is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADAPTERS } from '../../lib/sources';

const ROOT = join(__dirname, '..', '..');

function preCommitVersion(): string | undefined {
  const r = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
const version = preCommitVersion();
const runnable = version !== undefined && existsSync(join(ROOT, '.git'));
if (!runnable) {
  console.warn(
    '\n' +
      '**************************************************************************************\n' +
      '*** SKIPPED: pre-commit end-to-end test — ' +
      (version === undefined ? '`pre-commit` is not installed (apt-get install pre-commit)' : 'not a git checkout') +
      ' ***\n' +
      '**************************************************************************************\n',
  );
}

const BAD_KONG = `_format_version: "3.0"
services:
  - name: payments
    url: http://payments:8080
    routes:
      - name: stripe-webhook
        paths: [/webhooks/stripe]
        methods: [POST]
    plugins:
      - name: proxy-cache
        config:
          strategy: memory
          request_method: [GET, HEAD, POST]
          response_code: [200]
          content_type: [application/json]
`;
const FIXED_KONG = BAD_KONG.replace('request_method: [GET, HEAD, POST]', 'request_method: [GET, HEAD]');

// Kong Ingress across files: the KongPlugin in one file, the Ingress that names it in another.
const CACHE_PLUGIN = `apiVersion: configuration.konghq.com/v1
kind: KongPlugin
metadata:
  name: webhook-cache
  namespace: shop
plugin: proxy-cache
config:
  strategy: memory
  request_method: [GET, HEAD]
  cache_control: true
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: webhooks
  namespace: shop
  annotations:
    konghq.com/methods: "POST"
    konghq.com/plugins: webhook-cache
spec:
  ingressClassName: kong
  rules:
    - http:
        paths:
          - path: /webhooks
            pathType: Prefix
            backend:
              service:
                name: receiver
                port:
                  number: 80
`;

(runnable ? describe : describe.skip)(`pre-commit hook (${version})`, () => {
  let work: string;
  let consumer: string;
  let env: NodeJS.ProcessEnv;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: consumer, env, encoding: 'utf8' });
  const commit = (message: string) => spawnSync('git', ['commit', '-m', message], { cwd: consumer, env, encoding: 'utf8' });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cachelint-pre-commit-'));
    // A clean environment for git and pre-commit: no GIT_DIR & co. leaking in from a surrounding hook.
    env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')));
    Object.assign(env, { PRE_COMMIT_HOME: join(work, 'pre-commit-home'), GIT_CONFIG_NOSYSTEM: '1', HOME: work, NO_COLOR: '1' });

    const hookRepo = join(work, 'hook-repo');
    execFileSync('git', ['clone', '-q', ROOT, hookRepo], { env });
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, env, encoding: 'utf8' }).trim();

    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: consumer, env });
    git('config', 'user.email', 'e2e@example.com');
    git('config', 'user.name', 'e2e');
    writeFileSync(
      join(consumer, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: cachelint\n      - id: cachelint-kong\n      - id: cachelint-cloudformation\n`,
    );
    // A staged file that is not ours must not block anything (--ignore-unknown in the hook entry).
    mkdirSync(join(consumer, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(consumer, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n');
    git('add', '-A');
    const install = spawnSync('pre-commit', ['install', '--install-hooks'], { cwd: consumer, env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`pre-commit install failed (exit ${install.status}):\n${install.stdout}\n${install.stderr}`);
    expect(commit('config and a workflow').status).toBe(0);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('a bad Kong file is blocked with the finding printed; the fixed file commits', () => {
    if (!ADAPTERS.some((a) => a.format === 'kong'))
      throw new Error('the Kong adapter is not registered in lib/sources/index.ts yet: this test passes once cachelint recognises Kong files');

    writeFileSync(join(consumer, 'kong.yaml'), BAD_KONG);
    git('add', 'kong.yaml');
    const bad = commit('cache the webhook');
    const output = bad.stdout + bad.stderr;
    expect(bad.status).not.toBe(0);
    expect(output).toMatch(/cachelint \(HTTP caches that answer writes\)\.+Failed/);
    expect(output).toMatch(/cachelint \(Kong declarative config\)\.+Failed/);
    expect(output).toMatch(/cachelint \(CloudFormation \/ SAM templates\)\.+\(no files to check\)Skipped/);
    expect(output).toMatch(/kong\.yaml:\d+:\d+: error CL001 unsafe-method-cached/);
    expect(output).toMatch(/help: /);
    expect(git('log', '--format=%s')).not.toMatch(/cache the webhook/);

    writeFileSync(join(consumer, 'kong.yaml'), FIXED_KONG);
    git('add', 'kong.yaml');
    const fixed = commit('cache GET only');
    expect({ status: fixed.status, output: fixed.status === 0 ? '' : fixed.stdout + fixed.stderr }).toEqual({ status: 0, output: '' });
    expect(git('log', '--format=%s')).toMatch(/^cache GET only\n/);
  }, 120_000);

  test('cachelint-repo reads an Ingress with the KongPlugin in an unchanged file; the plain hook cannot', () => {
    writeFileSync(
      join(consumer, '.pre-commit-config.yaml'),
      readFileSync(join(consumer, '.pre-commit-config.yaml'), 'utf8').replace(/hooks:\n[^]*$/, 'hooks:\n      - id: cachelint-repo\n'),
    );
    mkdirSync(join(consumer, 'k8s'));
    writeFileSync(join(consumer, 'k8s', 'plugins.yaml'), CACHE_PLUGIN);
    git('add', '-A');
    expect(commit('the cache plugin').status).toBe(0);

    // Only the Ingress is staged; its plugin is in the committed, unchanged k8s/plugins.yaml.
    writeFileSync(join(consumer, 'k8s', 'ingress.yaml'), INGRESS);
    git('add', 'k8s/ingress.yaml');
    // What the plain `cachelint` hook runs (its entry on the staged file alone) cannot resolve the plugin:
    const alone = spawnSync(process.execPath, [join(ROOT, 'bin', 'cachelint.js'), '--ignore-unknown', 'k8s/ingress.yaml'], {
      cwd: consumer,
      env,
      encoding: 'utf8',
    });
    expect(alone.status).toBe(2);
    expect(alone.stdout + alone.stderr).toMatch(/unresolved-reference/);
    const ok = commit('the webhook ingress');
    expect({ status: ok.status, output: ok.status === 0 ? '' : ok.stdout + ok.stderr }).toEqual({ status: 0, output: '' });

    // Caching POST in the plugin file now blocks the commit, with the finding on the Ingress route.
    writeFileSync(join(consumer, 'k8s', 'plugins.yaml'), CACHE_PLUGIN.replace('[GET, HEAD]', '[GET, HEAD, POST]'));
    git('add', 'k8s/plugins.yaml');
    const bad = commit('cache POST');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/cachelint \(whole repository\)\.+Failed/);
    expect(bad.stdout + bad.stderr).toMatch(/k8s\/plugins\.yaml:\d+:\d+: error CL001 unsafe-method-cached/);
  }, 120_000);
});
