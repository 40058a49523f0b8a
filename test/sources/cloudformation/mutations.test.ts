// Robustness: every fixture and example with values swapped for wrong shapes (null, lists, numbers, intrinsics on
// unknown names, NoValue, nested Fn::If) must still produce a model (or located InputErrors), never throw. The
// mutations are deterministic (a seeded generator), so a failure names a reproducible case.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../lib/parse/yaml';
import { modelFromTemplate, type TemplateLocator } from '../../../lib/sources/cloudformation';
import { evaluate } from '../../../lib/engine';

const dirs = [join(__dirname, '../../fixtures/cloudformation'), join(__dirname, '../../../examples/cloudformation')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join(d, f)));

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

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

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

test.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s survives 40 mutations', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const random = rng(text.length);
  for (let i = 0; i < 40; i++) {
    const template = structuredClone(parseYaml(text, { tags: 'cloudformation' }).documents[0].value);
    const all = slots(template);
    for (let n = 0; n < 3; n++) {
      const [parent, key] = all[Math.floor(random() * all.length)];
      parent[key] = structuredClone(WEIRD[Math.floor(random() * WEIRD.length)]);
    }
    let threw: unknown;
    try {
      evaluate([modelFromTemplate(template, locator, { file: 'm', flavor: i % 2 ? 'cdk' : 'cloudformation' })]);
    } catch (e) {
      threw = e;
    }
    if (threw) throw new Error(`mutation ${i} of ${file}: ${(threw as Error).stack}\n${JSON.stringify(template).slice(0, 2000)}`);
  }
});
