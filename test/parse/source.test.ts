import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputProblem } from '../../lib/parse/errors';
import { readSource } from '../../lib/parse/source';
import { coverNodes, findSuppressions } from '../../lib/parse/suppressions';
import { parseYaml } from '../../lib/parse/yaml';

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
    expect(s).toEqual([{ line: 2, column: 1, endColumn: 69, target: 5, ruleIds: ['CL001', 'CL002'], reason: 'replay store by design' }]);
  });
  test('without a reason the reason is undefined', () => {
    expect(findSuppressions('  # cachelint-disable-next-line CL001\nb: 1\n')[0]).toMatchObject({ reason: undefined, column: 3 });
  });
  test('text that merely mentions the marker elsewhere is not a suppression', () => {
    expect(findSuppressions('a: "# cachelint-disable-next-line CL001 -- x"\n')).toEqual([]);
  });
});

describe('what a suppression comment covers: the node that starts on the next line', () => {
  /** `covers` of each comment in `text`, as [line, endLine]. */
  const covers = (text: string, tags: 'plain' | 'cloudformation' = 'plain') => {
    const found = findSuppressions(text);
    coverNodes(parseYaml(text, { tags }), found);
    return found.map((c) => (c.covers ? [c.covers.line, c.covers.endLine] : undefined));
  };
  const D = '# cachelint-disable-next-line CL001 -- r';

  test('a block sequence item, not the whole list (even for the first item)', () => {
    const text = `plugins:\n${D}\n- name: a\n  config:\n    x: [1,\n      2]\n- name: b\n  config: {}\n  ${D}\n  enabled: true\n`;
    expect(covers(text)).toEqual([
      [3, 6],
      [10, 10],
    ]);
  });

  test('a mapping entry: the key and its whole value, with a compact sequence at the same indentation', () => {
    const text = `services:\n- name: s\n  ${D}\n  routes:\n  - name: r1\n    paths: [/a]\n  - name: r2\n  url: http://x\n`;
    expect(covers(text)).toEqual([[4, 7]]);
  });

  test('a block scalar ends at its last line, not at the blank lines after it', () => {
    const text = `a:\n  ${D}\n  b: |\n    one\n    two\n\n  c: 1\n`;
    expect(covers(text)).toEqual([[3, 5]]);
  });

  test('nested items on one line: the outermost wins', () => {
    const text = `x:\n${D}\n- - a\n  - b\n- c\n`;
    expect(covers(text)).toEqual([[3, 4]]);
  });

  test("a document's first line, or its ---, covers the whole document; the next one is not covered", () => {
    const text = `${D}\nkind: A\nspec:\n  x: 1\n${D}\n---\n# a note\nkind: B\nspec: {y: 2}\n---\nkind: C\n`;
    expect(covers(text)).toEqual([
      [2, 4],
      [6, 9],
    ]);
  });

  test('CloudFormation tags and aliases do not stretch a node to where the anchor is', () => {
    const text = `Base: &base\n  k: v\nResources:\n  ${D}\n  R:\n    Type: T\n    Properties: !If [C, *base, !Ref X]\n  S:\n    Type: T\n`;
    expect(covers(text, 'cloudformation')).toEqual([[5, 7]]);
  });

  test('a line where no node starts (inside a block scalar, or past the end) covers nothing beyond the old target line', () => {
    expect(covers(`a: |\n  ${D}\n  text\nb: 1\n`)).toEqual([undefined]);
    expect(covers(`a: 1\n${D}\n`)).toEqual([undefined]);
  });
});
