// Golden models: what each adapter makes of every fixture and example file — endpoints, cache layers, TTLs, keys,
// no-store policies, facts, suppressions, with every reason and position — pinned in a snapshot, so any change in
// what an adapter reads shows up in review (the rule tests judge the meaning; this pins the whole reading).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scan } from '../../lib/engine';
import { dumpModel } from '../helpers/model-dump';

const ROOT = join(__dirname, '../..');
const filesIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);

const FILES = [
  ...filesIn('test/fixtures/cloudformation'),
  'test/fixtures/cloudformation/cdk.out',
  ...filesIn('test/fixtures/kong'),
  ...filesIn('test/fixtures/kong/rules'),
  ...filesIn('examples/cloudformation'),
  ...filesIn('examples/kong'),
  ...filesIn('examples/kong-ingress'),
];

describe.each(FILES)('%s', (file) => {
  it('reads to the pinned model', () => {
    const result = scan([file], { cwd: ROOT });
    const models = result.models ?? [];
    expect(models.length).toBeGreaterThan(0);
    const text = models.map((m) => `# ${relative(ROOT, join(ROOT, m.file))}\n${dumpModel(m)}`).join('\n');
    expect({ errors: result.errors.map((e) => `${e.code} ${e.line}:${e.column} ${e.message}`), models: text }).toMatchSnapshot();
  });
});
