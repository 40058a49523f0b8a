// Golden outputs for examples/ (actionlint's testdata style): beside each `*.bad.*` example its exact stylish output as
// `npm run scan` prints it (no colour, paths relative to the repository root) in `<name>.out`, compared byte for byte,
// so the line numbers of a finding live next to its fixture. Each `*.fixed.*` twin must report nothing at all.
// Regenerate deliberately: UPDATE_GOLDEN=1 npx jest test/golden
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli } from '../cli/run';
import { scan } from '../../lib/engine';
import { golden, readGolden } from './update';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .map((f) => relative(ROOT, f).split('\\').join('/'))
    .sort();
}
const all = filesUnder(EXAMPLES);
const bad = all.filter((f) => /\.bad\.[^./]+$/.test(f) && !f.endsWith('.out'));
const fixed = all.filter((f) => /\.fixed\.[^./]+$/.test(f));
/** `webhook-gateway.bad.yaml` → `webhook-gateway.bad.out`. */
const outOf = (file: string) => file.replace(/\.[^./]+$/, '.out');
/** The stylish report without its closing summary line (what a folder scan prints for one file). */
const body = (stdout: string) => stdout.replace(/\n[✖✔] [^\n]*\n$/, '');

test('examples/ has bad examples, each with a fixed twin, and no golden without its example', () => {
  expect(bad.length).toBeGreaterThanOrEqual(4);
  expect(fixed).toEqual(bad.map((f) => f.replace('.bad.', '.fixed.')));
  expect(all.filter((f) => f.endsWith('.out'))).toEqual(bad.map(outOf));
});

describe.each(bad)('%s', (file) => {
  test('prints its golden output byte for byte', async () => {
    const { code, stdout, stderr } = await runCli([file], ROOT);
    expect(stderr).toBe('');
    expect(code).not.toBe(2);
    expect(stdout).toContain(`${file}:`);
    expect(stdout).toBe(golden(join(ROOT, outOf(file)), stdout));
  });
});

describe.each(fixed)('%s', (file) => {
  test('reports nothing: no finding (not even a suppressed one), no input error', async () => {
    const r = scan([file], { cwd: ROOT });
    expect(r.errors).toEqual([]);
    expect(r.files.map((f) => f.status)).toEqual(['scanned']);
    expect(r.findings).toEqual([]);
    const { code, stdout, stderr } = await runCli([file], ROOT);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).not.toContain(file);
    expect(existsSync(join(ROOT, outOf(file)))).toBe(false);
  });
});

test("`npm run scan` (the examples/ folder) prints the bad examples' goldens one after another and nothing else", async () => {
  const { stdout } = await runCli(['examples'], ROOT);
  const goldens = bad.map((f) => readGolden(join(ROOT, outOf(f))) ?? '');
  // Files of one scan are read together (a Kong Ingress cluster): each still prints what it prints alone.
  expect(body(stdout)).toBe(goldens.map(body).join(''));
});
