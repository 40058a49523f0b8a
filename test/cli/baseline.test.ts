import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBaseline, buildBaseline, readBaseline } from '../../lib/baseline';
import { runCli } from './run';
import { toyFile, useToyAdapter } from './toy-adapter';
import { finding } from '../report/fixture';

useToyAdapter();
const tmp = () => mkdtempSync(join(tmpdir(), 'cachelint-baseline-'));
const json = (stdout: string) => JSON.parse(stdout);

describe('baseline through the CLI', () => {
  test('write, then a moved line still matches, a new finding is reported, a fixed one is stale', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'gw'));
    writeFileSync(
      join(dir, 'gw', 'toy.yaml'),
      toyFile([
        { path: '/webhooks/a', cache_post: true },
        { path: '/webhooks/b', cache_post: true },
      ]),
    );

    const before = await runCli(['--format', 'json', 'gw/toy.yaml'], dir);
    expect(before.code).toBe(1);
    expect(json(before.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`)).toEqual(['CL001:4', 'CL001:6']);

    const written = await runCli(['--baseline-write', 'cachelint.baseline.json', 'gw/toy.yaml'], dir);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/wrote 2 baseline entries to cachelint\.baseline\.json/);
    const file = JSON.parse(readFileSync(join(dir, 'cachelint.baseline.json'), 'utf8'));
    expect(file).toEqual({
      tool: 'cachelint',
      version: 1,
      entries: [
        { ruleId: 'CL001', file: 'gw/toy.yaml', findingId: '/webhooks/a/POST', resource: 'toy-webhooks-a' },
        { ruleId: 'CL001', file: 'gw/toy.yaml', findingId: '/webhooks/b/POST', resource: 'toy-webhooks-b' },
      ],
    });
    expect(JSON.stringify(file)).not.toMatch(/"line"/);

    // Lines move (3 comment lines on top), /webhooks/b is fixed, /webhooks/c is new.
    writeFileSync(
      join(dir, 'gw', 'toy.yaml'),
      toyFile([{ path: '/webhooks/a', cache_post: true }, { path: '/webhooks/b' }, { path: '/webhooks/c', cache_post: true }], 3),
    );
    const after = await runCli(['--format', 'json', '--baseline', 'cachelint.baseline.json', 'gw/toy.yaml'], dir);
    expect(after.code).toBe(1);
    const out = json(after.stdout);
    expect(out.summary.baseline).toEqual({ file: 'cachelint.baseline.json', matched: 1, new: 1, stale: 1 });
    expect(out.findings).toEqual([
      expect.objectContaining({
        findingId: '/webhooks/a/POST',
        line: 7,
        suppressed: { reason: 'in baseline cachelint.baseline.json', source: 'baseline cachelint.baseline.json' },
      }),
      expect.not.objectContaining({ suppressed: expect.anything() }),
    ]);
    expect(out.findings[1]).toMatchObject({ findingId: '/webhooks/c/POST', line: 10 });

    const stylish = await runCli(['--baseline', 'cachelint.baseline.json', 'gw/toy.yaml'], dir);
    expect(stylish.stdout).toMatch(
      /1 finding\(s\) \(1 error\(s\), 0 warning\(s\), 0 info\), 1 suppressed; 1 file\(s\) scanned; baseline cachelint\.baseline\.json: 1 matched, 1 new, 1 no longer occur/,
    );
    expect(stylish.stdout).toMatch(/webhooks\/c/);
    expect(stylish.stdout).not.toMatch(/\[\/webhooks\/a\/POST\]/);

    // Only baselined findings left: exit 0.
    writeFileSync(join(dir, 'gw', 'toy.yaml'), toyFile([{ path: '/webhooks/a', cache_post: true }], 1));
    expect((await runCli(['--baseline', 'cachelint.baseline.json', 'gw/toy.yaml'], dir)).code).toBe(0);
  });

  test('the baseline works from another working directory (paths are relative to the baseline file)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'gw'));
    writeFileSync(join(dir, 'gw', 'toy.yaml'), toyFile([{ path: '/hooks/x', cache_post: true }]));
    expect((await runCli(['--baseline-write', 'ci/baseline.json', 'gw/toy.yaml'], dir)).code).toBe(2); // ci/ does not exist
    mkdirSync(join(dir, 'ci'));
    expect((await runCli(['--baseline-write', 'ci/baseline.json', 'gw/toy.yaml'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'ci', 'baseline.json'), 'utf8')).entries[0].file).toBe('../gw/toy.yaml');
    const r = await runCli(['--format', 'json', '--baseline', '../ci/baseline.json', 'toy.yaml'], join(dir, 'gw'));
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.baseline).toMatchObject({ matched: 1, new: 0, stale: 0 });
  });

  test('missing or invalid baseline file: exit 2 with a clear message, nothing scanned', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'toy.yaml'), toyFile([{ path: '/a', cache_post: true }]));
    const missing = await runCli(['--baseline', 'nope.json', 'toy.yaml'], dir);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^cachelint: baseline nope\.json: cannot read: ENOENT/);
    const cases: [string, RegExp][] = [
      ['{ not json', /not valid JSON/],
      ['[]', /not a cachelint baseline/],
      ['{"version": 2, "entries": []}', /unsupported baseline version 2/],
      ['{"version": 1}', /"entries" must be a list/],
      ['{"version": 1, "entries": [{"ruleId": "CL001", "file": "toy.yaml"}]}', /entries\[0\]: "findingId" must be a non-empty string/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(dir, 'b.json'), text);
      const r = await runCli(['--baseline', 'b.json', 'toy.yaml'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  test('no baseline is written from a scan with input errors', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'toy.yaml'), toyFile([{ path: '/a', cache_post: true }]));
    const r = await runCli(['--baseline-write', 'b.json', 'toy.yaml', 'missing.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/baseline not written to b\.json: fix the input errors first/);
    expect(() => readFileSync(join(dir, 'b.json'))).toThrow();
  });
});

describe('baseline module', () => {
  test('findings suppressed in source are not recorded; already-suppressed findings are left alone when applied', () => {
    const suppressed = finding({ findingId: '/x/POST', suppressed: { reason: 'reviewed', source: 'comment at k.yaml:3' } });
    const baseline = buildBaseline([finding({}), suppressed, finding({ line: 99 })], 'b.json', '/repo');
    expect(baseline.entries).toHaveLength(1); // deduplicated, no suppressed entry
    const result = { files: [], errors: [], findings: [finding({}), { ...suppressed }] };
    expect(applyBaseline(result, baseline, 'b.json', '/repo')).toEqual({ file: 'b.json', matched: 1, new: 0, stale: 0 });
    expect(result.findings[1].suppressed).toEqual({ reason: 'reviewed', source: 'comment at k.yaml:3' });
  });

  test('readBaseline round-trips what buildBaseline writes', () => {
    const dir = tmp();
    const b = buildBaseline([finding({})], 'b.json', dir);
    writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
    expect(readBaseline('b.json', dir)).toEqual(b);
  });
});
