import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputProblem } from '../../lib/parse/errors';
import { readSource } from '../../lib/parse/source';
import { findSuppressions } from '../../lib/parse/suppressions';

const dir = mkdtempSync(join(tmpdir(), 'cachelint-src-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const fail = (fn: () => unknown): InputProblem => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputProblem) return e;
    throw e;
  }
  throw new Error('expected an InputProblem');
};

test('a UTF-8 BOM is dropped', () => {
  expect(readSource(file('bom.yaml', '\uFEFFa: 1\n'))).toBe('a: 1\n');
});
test('binary content is refused with the position of the NUL byte', () => {
  expect(fail(() => readSource(file('bin.yaml', Buffer.from('a: 1\nb: \u0000\n'))))).toMatchObject({ code: 'binary', line: 2, column: 4 });
});
test('non-UTF-8 content is refused with its position', () => {
  expect(fail(() => readSource(file('latin1.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]))))).toMatchObject({ code: 'encoding', line: 1, column: 4 });
});
test('files over the size limit are refused before reading', () => {
  expect(fail(() => readSource(file('big.yaml', 'a: 1\n'.repeat(100)), 100)).code).toBe('too-large');
});
test('a missing file is unreadable, not empty', () => {
  expect(fail(() => readSource(join(dir, 'nope.yaml'))).code).toBe('unreadable');
});

describe('suppression comments', () => {
  test('target the next non-comment line, with rule ids and reason', () => {
    const s = findSuppressions('a: 1\n# cachelint-disable-next-line CL001, cl002 -- replay store by design\n\n# other\nb: 2\n');
    expect(s).toEqual([{ line: 2, column: 1, target: 5, ruleIds: ['CL001', 'CL002'], reason: 'replay store by design' }]);
  });
  test('without a reason the reason is undefined', () => {
    expect(findSuppressions('  # cachelint-disable-next-line CL001\nb: 1\n')[0]).toMatchObject({ reason: undefined, column: 3 });
  });
  test('text that merely mentions the marker elsewhere is not a suppression', () => {
    expect(findSuppressions('a: "# cachelint-disable-next-line CL001 -- x"\n')).toEqual([]);
  });
});
