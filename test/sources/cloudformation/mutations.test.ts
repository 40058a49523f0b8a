// Robustness: every fixture and example with values swapped for wrong shapes (null, lists, numbers, intrinsics on
// unknown names, NoValue, nested Fn::If) must still produce a model (or located InputErrors), never throw. The
// mutations are drawn by fast-check with a fixed seed (FC_SEED overrides it), so a failure names a reproducible,
// shrunk case.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../lib/parse/yaml';
import { modelFromTemplate, type TemplateLocator } from '../../../lib/sources/cloudformation';
import { evaluate } from '../../../lib/engine';

const dirs = [join(__dirname, '../../fixtures/cloudformation'), join(__dirname, '../../../examples/cloudformation')];
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(d, f)),
);

const WEIRD: unknown[] = [
  null,
  [],
  {},
  42,
  'text',
  true,
  [null, 1, { a: [] }],
  { Ref: 'Nowhere' },
  { Ref: 'AWS::NoValue' },
  { 'Fn::GetAtt': ['Nowhere', 'Id'] },
  { 'Fn::If': ['NoSuchCondition', { Ref: 'AWS::NoValue' }, [1]] },
  { 'Fn::Sub': ['${X}', { X: { 'Fn::Join': [1, 2] } }] },
  { 'Fn::Select': ['9', []] },
  { 'Fn::FindInMap': ['M'] },
  { 'Fn::Transform': { Name: 'AWS::Include' } },
];

/** Every (object, key) / (array, index) slot of a value, in a stable order. */
function slots(v: unknown, out: [Record<string | number, unknown>, string | number][] = []) {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push([v as unknown as Record<number, unknown>, i]);
      slots(x, out);
    });
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push([v as Record<string, unknown>, k]);
      slots(x, out);
    }
  return out;
}

const locator: TemplateLocator = { locate: () => ({ file: 'm', line: 1, column: 1 }) };

const SEED = Number(process.env.FC_SEED ?? 20261128);

/** Three slots (any number: taken modulo the template's slot count) each replaced by a weird value, and a flavor. */
const mutation = fc.record({
  edits: fc.array(fc.record({ slot: fc.nat(), weird: fc.constantFrom(...WEIRD) }), { minLength: 3, maxLength: 3 }),
  flavor: fc.constantFrom('cloudformation' as const, 'cdk' as const),
});

test.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s survives 40 mutations', (_name, file) => {
  const original = parseYaml(readFileSync(file, 'utf8'), { tags: 'cloudformation' }).documents[0].value;
  fc.assert(
    fc.property(mutation, ({ edits, flavor }) => {
      const template = structuredClone(original);
      const all = slots(template);
      for (const { slot, weird } of edits) {
        const [parent, key] = all[slot % all.length];
        parent[key] = structuredClone(weird);
      }
      evaluate([modelFromTemplate(template, locator, { file: 'm', flavor })]);
    }),
    { seed: SEED, numRuns: 40 },
  );
});
