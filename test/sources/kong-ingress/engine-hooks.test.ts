// The two general engine hooks the Kong Ingress adapter needed, checked with a stand-in adapter: toModelsTogether gets
// every file of its format in one call (each parsed once), its errors mark only their own files, a throw marks every
// file of the group (never a silent pass); screenText rejects or skips a file before it is parsed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../../lib/engine';
import { InputProblem } from '../../../lib/parse/errors';
import { ADAPTERS } from '../../../lib/sources';
import type { AdapterInput, SourceAdapter } from '../../../lib/sources/types';

const calls: AdapterInput[][] = [];
let mode: 'ok' | 'throw' = 'ok';
const fake: SourceAdapter = {
  format: 'fake',
  detect: (doc) => !!doc.value && typeof doc.value === 'object' && 'fake' in (doc.value as object),
  toModels: () => {
    throw new Error('toModels must not be called when toModelsTogether exists');
  },
  toModelsTogether(inputs) {
    calls.push(inputs);
    if (mode === 'throw') throw new Error('boom');
    return {
      models: inputs.map((i) => ({ file: i.file, endpoints: [], facts: [] })),
      errors: [{ file: 'b.yaml', line: 1, column: 1, code: 'unresolved-reference', message: 'x' }],
    };
  },
  screenText: (text) =>
    text.includes('REJECT') ? { problem: new InputProblem('template', 'rejected', 2, 3) } : text.includes('SKIP') ? { skip: 'skipped by screen' } : undefined,
};

function run(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-hooks-'));
  try {
    for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
    return scan(Object.keys(files), { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => ADAPTERS.unshift(fake));
afterAll(() => ADAPTERS.splice(ADAPTERS.indexOf(fake), 1));
beforeEach(() => {
  calls.length = 0;
  mode = 'ok';
});

describe('engine hooks', () => {
  it('toModelsTogether: one call with all files of the format; errors mark only their file', () => {
    const r = run({ 'a.yaml': 'fake: 1\n', 'b.yaml': 'fake: 2\n' });
    expect(calls.map((c) => c.map((i) => i.file))).toEqual([['a.yaml', 'b.yaml']]);
    expect(r.files.map((f) => [f.file, f.status, f.format])).toEqual([
      ['a.yaml', 'scanned', 'fake'],
      ['b.yaml', 'error', 'fake'],
    ]);
    expect(r.models?.map((m) => m.file)).toEqual(['a.yaml', 'b.yaml']);
  });

  it('toModelsTogether throwing: every file of the group is an internal error, none passes', () => {
    mode = 'throw';
    const r = run({ 'a.yaml': 'fake: 1\n', 'b.yaml': 'fake: 2\n' });
    expect(r.files.map((f) => [f.file, f.status])).toEqual([
      ['a.yaml', 'error'],
      ['b.yaml', 'error'],
    ]);
    expect(r.errors.map((e) => [e.file, e.code])).toEqual([
      ['a.yaml', 'internal'],
      ['b.yaml', 'internal'],
    ]);
  });

  it('screenText: a problem is a located error, a skip reason an error for a named file; neither is parsed', () => {
    const r = run({ 'r.yaml': 'fake: 1\nREJECT: [\n', 's.yaml': 'SKIP: {\n' });
    expect(r.errors.map((e) => [e.file, e.line, e.column, e.code, e.message])).toEqual([
      ['r.yaml', 2, 3, 'template', 'rejected'],
      ['s.yaml', 1, 1, 'unknown-format', 'skipped by screen'],
    ]);
    expect(calls).toEqual([]);
  });
});
