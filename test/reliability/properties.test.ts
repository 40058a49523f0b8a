// Property-based robustness (issue 6, fast-check): random structural and textual mutations of the fixtures, examples
// and corpus files never throw out of the engine, never become an internal error, every finding and error position is
// inside the file, and the CLI's exit code is 0, 1 or 2 and agrees with the report (the output contract in lib/findings.ts).
//
// Runs are reproducible: the seed is fixed (FC_SEED overrides it, FC_SEED=random draws one, FC_RUNS scales the runs).
// fast-check prints the seed and the shrunk counterexample on failure; rerun with FC_SEED=<seed> to reproduce.
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dump } from 'js-yaml';
import { defaultConfig } from '../../lib/config';
import { evaluate, scan } from '../../lib/engine';
import { SEVERITY_RANK, type ScanResult, type Severity } from '../../lib/findings';
import { LineIndex } from '../../lib/parse/lines';
import { parseYaml, YamlDocument, type YamlFile } from '../../lib/parse/yaml';
import { ADAPTERS, tagModeFor } from '../../lib/sources';
import { runCli } from '../cli/run';
import { corpusDir } from '../helpers/corpus';

const ROOT = join(__dirname, '../..');
const SEED = process.env.FC_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FC_SEED ?? 20261128);
const RUNS = Number(process.env.FC_RUNS ?? 1);
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS)), endOnFailure: false });

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json|template)$/.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

const SOURCES = [
  ...filesIn(join(ROOT, 'test/fixtures/kong')),
  ...filesIn(join(ROOT, 'test/fixtures/kong/rules')),
  ...filesIn(join(ROOT, 'test/fixtures/cloudformation')),
  ...filesIn(join(ROOT, 'examples/kong')),
  ...filesIn(join(ROOT, 'examples/cloudformation')),
  // The corpus adds real files when it is there (test/helpers/corpus.ts); without it the fixtures and examples remain.
  ...['kong', 'k8s-kong', 'cloudformation'].flatMap((d) => filesIn(corpusDir(d) ?? '')),
].map((path) => ({ path, name: basename(path), text: readFileSync(path, 'utf8') }));

/** Only sources that parse can be mutated structurally (the rest are covered by the textual mutations). */
const PARSED = SOURCES.flatMap((s) => {
  try {
    const values = parseYaml(s.text, { tags: tagModeFor(s.text) }).documents.map((d) => d.value);
    return [{ ...s, values }];
  } catch {
    return [];
  }
});

const WORK = mkdtempSync(join(tmpdir(), 'cachelint-prop-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

// ---- what a mutation puts in place of a value -------------------------------------------------------------------

const deep = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { n: v };
  return v;
};

const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.boolean(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, 2 ** 53, 4294967296, -1, 65536, 1e-320),
  fc.integer(),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('GET', 'POST', '*', 'ANY', '/', '~/a(b', '/{proxy+}', '${x}', 'true', 'no', '0x10', '1e999', '', ' ', '\u202e', '\ud800'),
  fc.constantFrom({ Ref: 'Nowhere' }, { Ref: 'AWS::NoValue' }, { 'Fn::GetAtt': ['X', 'Y'] }, { 'Fn::If': ['C', 1, [2]] }, { 'Fn::Sub': 7 }),
  fc.tuple(fc.integer({ min: 20, max: 400 }), fc.anything({ maxDepth: 1 }), fc.boolean()).map(([d, leaf, arr]) => deep(d, leaf, arr)),
  fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: false }),
);

type Slot = [Record<string | number, unknown>, string | number];

/** Every (container, key) pair of a value, in a stable order; shared (aliased) objects are visited once. */
function slots(v: unknown, out: Slot[] = [], seen = new Set<unknown>()): Slot[] {
  if (!v || typeof v !== 'object' || seen.has(v)) return out;
  seen.add(v);
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push([v as unknown as Record<number, unknown>, i]);
      slots(x, out, seen);
    });
  else
    for (const [k, x] of Object.entries(v)) {
      out.push([v as Record<string, unknown>, k]);
      slots(x, out, seen);
    }
  return out;
}

type StructuralOp =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'swap-type'; at: number }
  | { kind: 'rename-key'; at: number; key: string }
  | { kind: 'add-key'; at: number; key: string; value: unknown };

const structuralOp: fc.Arbitrary<StructuralOp> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: weirdValue }),
  fc.record({ kind: fc.constant('swap-type' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('rename-key' as const),
    at: fc.nat(),
    key: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '<<', 'Ref')),
  }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'methods', 'paths', 'plugins', 'Properties', 'Type', 'Fn::If', 'x'),
    value: weirdValue,
  }),
);

function swapType(v: unknown): unknown {
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v && typeof v === 'object') return Object.values(v);
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 0;
  return [v];
}

/** A deep copy into plain prototype objects (the parser's maps have none, and js-yaml only dumps plain ones). */
function plain(v: unknown, memo = new Map<unknown, unknown>()): unknown {
  if (v instanceof Date) return v.toISOString();
  if (!v || typeof v !== 'object') return v;
  if (memo.has(v)) return memo.get(v); // aliases stay shared: the dump writes them as anchors
  const copy: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
  memo.set(v, copy);
  if (Array.isArray(v)) for (const x of v) (copy as unknown[]).push(plain(x, memo));
  else for (const [k, x] of Object.entries(v)) Object.defineProperty(copy, k, { value: plain(x, memo), enumerable: true, writable: true, configurable: true });
  return copy;
}

function applyStructural(values: unknown[], ops: StructuralOp[]): unknown[] {
  const docs = values.map((v) => plain(v));
  for (const op of ops) {
    const all = docs.flatMap((d) => slots(d));
    if (!all.length) break;
    const [parent, key] = all[op.at % all.length];
    if (op.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (op.kind === 'replace') parent[key] = plain(op.value);
    else if (op.kind === 'swap-type') parent[key] = swapType(parent[key]);
    else if (op.kind === 'rename-key' && !Array.isArray(parent)) {
      const value = parent[key];
      delete parent[key];
      Object.defineProperty(parent, op.key, { value, enumerable: true, writable: true, configurable: true });
    } else if (op.kind === 'add-key') {
      const target = parent[key];
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, op.key, { value: plain(op.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return docs;
}

function serialise(name: string, docs: unknown[]): string {
  if (name.endsWith('.json')) return JSON.stringify(docs[0], null, 2) + '\n';
  return docs.map((d) => dump(d)).join('---\n');
}

// ---- textual mutations (duplicated keys, broken indentation, CRLF, BOM, tabs, anchors, unicode) -------------------

type TextOp =
  | { kind: 'duplicate-line' | 'delete-line' | 'indent-line' | 'dedent-line'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'crlf' | 'bom' | 'tabs' };

const INSERTS = fc.oneof(
  fc.constantFrom(
    ': ',
    '- ',
    '&a ',
    '*a',
    '<<: *a\n',
    '!Ref ',
    '!!binary ',
    '? ',
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    '#',
    '|\n',
    '>-\n',
    '\t',
    '\n',
    '\r\n',
    '---\n',
    '...\n',
    '%YAML 1.2\n',
    '\u00a0',
    '\ufeff',
    '\u2028',
    'methods: [POST]\n',
    'Type: AWS::CloudFront::Distribution\n',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ kind: fc.constantFrom('duplicate-line' as const, 'delete-line' as const, 'indent-line' as const, 'dedent-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: INSERTS }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('crlf' as const, 'bom' as const, 'tabs' as const) }),
);

function applyText(text: string, ops: TextOp[]): string {
  for (const op of ops) {
    const lines = text.split('\n');
    switch (op.kind) {
      case 'duplicate-line': {
        const i = op.at % lines.length;
        lines.splice(i, 0, lines[i]);
        text = lines.join('\n');
        break;
      }
      case 'delete-line':
        lines.splice(op.at % lines.length, 1);
        text = lines.join('\n');
        break;
      case 'indent-line':
      case 'dedent-line': {
        const i = op.at % lines.length;
        lines[i] = op.kind === 'indent-line' ? '  ' + lines[i] : lines[i].replace(/^ {1,2}/, '');
        text = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = op.at % (text.length + 1);
        text = text.slice(0, at) + op.text + text.slice(at);
        break;
      }
      case 'truncate':
        text = text.slice(0, op.at % (text.length + 1));
        break;
      case 'crlf':
        text = text.replace(/\r?\n/g, '\r\n');
        break;
      case 'bom':
        text = '\ufeff' + text;
        break;
      case 'tabs':
        text = text.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2));
        break;
    }
  }
  return text;
}

// ---- the properties -------------------------------------------------------------------------------------------

/** Lines as the engine counts them (LF ends a line; a CRLF line keeps its CR), after the BOM that readSource drops. */
function fileLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
}

/** What a position points at, for the failure message. */
function show(lines: string[], line?: number, _column?: number): string {
  if (line === undefined) return '';
  return ` (${lines.length} lines; line ${line} is ${JSON.stringify(lines[line - 1]?.slice(0, 120))})`;
}

function inside(lines: string[], line: number | undefined, column: number | undefined): boolean {
  if (line === undefined) return column === undefined;
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return false;
  // Columns count UTF-16 units at most (code points count fewer): one past the end is the end of the line.
  return column === undefined || (Number.isInteger(column) && column >= 1 && column <= lines[line - 1].length + 1);
}

/** Writes the text under the source's own name (detection may depend on it) and scans it as a named file. */
function scanText(name: string, text: string): ScanResult {
  writeFileSync(join(WORK, name), text);
  return scan([name], { cwd: WORK, config: defaultConfig() });
}

function checkScan(name: string, text: string, result: ScanResult): void {
  const lines = fileLines(text);
  const problems: string[] = [];
  for (const e of result.errors) {
    if (e.code === 'internal') problems.push(`internal error: ${e.message}`);
    if (e.file !== name) problems.push(`error on another file: ${e.file}`);
    if (!inside(lines, e.line, e.column)) problems.push(`error ${e.code} at ${e.line}:${e.column} outside the file${show(lines, e.line)}: ${e.message}`);
  }
  for (const f of result.findings) {
    if (f.file !== name) problems.push(`finding on another file: ${f.file}`);
    if (!inside(lines, f.line, f.column)) problems.push(`${f.ruleId} at ${f.line}:${f.column} outside the file${show(lines, f.line)}`);
    if (f.endLine !== undefined && !inside(lines, f.endLine, f.endColumn))
      problems.push(`${f.ruleId} ends at ${f.endLine}:${f.endColumn} outside the file${show(lines, f.endLine)}`);
    if (f.endLine !== undefined && (f.endLine < f.line || (f.endLine === f.line && (f.endColumn ?? f.column) < f.column)))
      problems.push(`${f.ruleId} ends (${f.endLine}:${f.endColumn}) before it starts (${f.line}:${f.column})`);
  }
  // Scanned or rejected, never silently skipped: a named file always has exactly one record.
  if (result.files.length !== 1 || result.files[0].status === 'skipped') problems.push(`file records: ${JSON.stringify(result.files)}`);
  else if ((result.files[0].status === 'error') !== result.errors.length > 0)
    problems.push(`status ${result.files[0].status} with ${result.errors.length} error(s)`);
  if (problems.length) {
    if (process.env.FC_DUMP) writeFileSync(process.env.FC_DUMP, text); // the failing input, for a look by hand
    throw new Error(`${name}:\n  ${problems.join('\n  ')}`);
  }
}

const parsedSource = fc.constantFrom(...PARSED);
const anySource = fc.constantFrom(...SOURCES);

describe('property: mutated inputs never crash and stay located', () => {
  test('there are sources to mutate', () => {
    expect(SOURCES.length).toBeGreaterThan(40);
    expect(PARSED.length).toBeGreaterThan(30);
  });

  test('structural mutations (deleted keys, swapped types, nulls, huge numbers, unicode, deep nesting)', () => {
    const seen = { scanned: 0, rejected: 0, findings: 0 };
    fc.assert(
      fc.property(parsedSource, fc.array(structuralOp, { minLength: 1, maxLength: 6 }), (source, ops) => {
        const text = serialise(source.name, applyStructural(source.values, ops));
        const result = scanText(source.name, text);
        checkScan(source.name, text, result);
        seen[result.errors.length ? 'rejected' : 'scanned']++;
        seen.findings += result.findings.length;
      }),
      params(250),
    );
    // The mutations must leave most files scannable, or the property would only ever test the rejection path.
    expect(seen.scanned).toBeGreaterThan(seen.rejected);
    expect(seen.findings).toBeGreaterThan(0);
  });

  test('textual mutations (duplicated lines and keys, broken indentation, CRLF, BOM, tabs, anchors, unicode, truncation)', () => {
    fc.assert(
      fc.property(anySource, fc.array(textOp, { minLength: 1, maxLength: 5 }), (source, ops) => {
        const text = applyText(source.text, ops);
        checkScan(source.name, text, scanText(source.name, text));
      }),
      params(300),
    );
  });

  test('CRLF line endings keep every position of the LF original', () => {
    fc.assert(
      fc.property(anySource, (source) => {
        const lf = scanText(source.name, source.text.replace(/\r\n/g, '\n'));
        const crlf = scanText(source.name, source.text.replace(/\r?\n/g, '\r\n'));
        const where = (r: ScanResult) => [
          ...r.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`),
          ...r.errors.map((e) => `${e.code}@${e.line}:${e.column}`),
        ];
        expect(where(crlf)).toEqual(where(lf));
      }),
      params(40),
    );
  });
});

describe('property: adapters and rules never throw on any JS value', () => {
  // No text round trip here, so values no YAML dump keeps reach the adapters: NaN, Infinity, -0, undefined, Dates,
  // sparse arrays, __proto__/constructor keys. Positions fall back to the document start (1:1).
  const inMemory = (value: unknown): YamlFile => {
    const lines = new LineIndex('x\n');
    return { text: 'x\n', lines, documents: [new YamlDocument(value, new Map(), lines, 0)] };
  };
  // eslint-disable-next-line no-sparse-arrays -- an array with a hole is one of the values under test
  const oddValue = fc.oneof(weirdValue, fc.constantFrom(NaN, Infinity, -Infinity, undefined, new Date(0), [, 1], Object.create(null), 'constructor'));
  const oddOp: fc.Arbitrary<StructuralOp> = fc.oneof(structuralOp, fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: oddValue }));

  test('detect, toModels and evaluate on mutated values', () => {
    fc.assert(
      fc.property(parsedSource, fc.array(oddOp, { minLength: 1, maxLength: 6 }), (source, ops) => {
        const [value] = applyStructural(source.values.slice(0, 1), ops);
        const parsed = inMemory(value);
        for (const adapter of ADAPTERS) {
          if (!adapter.detect(parsed.documents[0], source.name)) continue;
          const out = adapter.toModels({ file: source.name, parsed });
          for (const e of out.errors) expect(e).toMatchObject({ file: source.name, line: 1, column: expect.any(Number) });
          for (const f of evaluate(out.models)) expect(f.line).toBeGreaterThanOrEqual(1);
        }
      }),
      params(250),
    );
  });
});

describe('property: the exit code is 0, 1 or 2 and agrees with the report', () => {
  const mutated = fc.oneof(
    parsedSource.chain((s) =>
      fc.array(structuralOp, { maxLength: 3 }).map((ops) => ({ name: s.name, text: serialise(s.name, applyStructural(s.values, ops)) })),
    ),
    anySource.chain((s) => fc.array(textOp, { maxLength: 2 }).map((ops) => ({ name: s.name, text: applyText(s.text, ops) }))),
  );

  test('--fail-on error|warning|info (json report)', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.constantFrom<Severity>('error', 'warning', 'info'), async (input, failOn) => {
        writeFileSync(join(WORK, input.name), input.text);
        const r = await runCli(['--format', 'json', '--fail-on', failOn, input.name], WORK);
        expect([0, 1, 2]).toContain(r.code);
        const report = JSON.parse(r.stdout) as ScanResult;
        const failing = report.findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
        expect(r.code).toBe(report.errors.length ? 2 : failing ? 1 : 0);
      }),
      params(60),
    );
  });

  test('every output format exits as json does and prints something', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.constantFrom('stylish', 'sarif', 'junit', 'github'), async (input, format) => {
        writeFileSync(join(WORK, input.name), input.text);
        const json = await runCli(['--format', 'json', input.name], WORK);
        const other = await runCli(['--format', format, input.name], WORK);
        expect(other.code).toBe(json.code);
        if (other.code !== 0) expect(other.stdout.trim()).not.toBe('');
      }),
      params(40),
    );
  });
});
