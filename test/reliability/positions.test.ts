// Positions stay inside the file for values that have no text of their own (found by the property tests: an empty
// sequence item or mapping value used to be located at line 1, column 0) and under CRLF line endings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../lib/engine';
import { parseYaml } from '../../lib/parse/yaml';

describe('empty scalars are located at their key, tag or container, never at column 0', () => {
  const cases: [string, (string | number)[], string][] = [
    ['a:\n  -\n  - b\n', ['a', 0], '2:3'], // block sequence item: the sequence's first dash
    ['a:\n  - x\n  -\n', ['a', 1], '2:3'],
    ['a:\nb: 1\n', ['a'], '1:1'], // mapping member: its key
    ['a:\n  - !!null\n', ['a', 0], '2:5'], // tagged: the tag
    ['a: [1, ]\n', ['a', 0], '1:5'],
  ];
  test.each(cases)('%j at %j', (text, path, where) => {
    const doc = parseYaml(text).documents[0];
    const l = doc.locate(path);
    expect(`${l.line}:${l.column}`).toBe(where);
    expect(l.endColumn).toBeGreaterThan(0);
  });

  test('locateValue of an empty mapping value points after its key', () => {
    const v = parseYaml('a:\nb: 1\n').documents[0].locateValue(['a'])!;
    expect(v.line).toBe(1);
    expect(v.column).toBeGreaterThan(1);
  });

  test('a Kong route list with an empty item is rejected at that list, not at 1:0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-pos-'));
    writeFileSync(join(dir, 'kong.yaml'), '_format_version: "3.0"\nservices:\n- name: s\n  url: http://s\n  routes:\n  -\n');
    const r = scan(['kong.yaml'], { cwd: dir });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'parse', line: 6, column: 3 })]);
  });
});

describe('CRLF line endings', () => {
  test('findings and errors keep the LF positions (columns do not count the CR)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-crlf-'));
    const lf = [
      '_format_version: "3.0"',
      'services:',
      '- name: hooks',
      '  url: http://hooks',
      '  routes:',
      '  - name: hook',
      '    methods: [POST]',
      '    paths: [/webhooks]',
      '  plugins:',
      '  - name: proxy-cache',
      '    config: { strategy: memory, request_method: [GET, POST], cache_control: false }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'lf.yaml'), lf);
    writeFileSync(join(dir, 'crlf.yaml'), lf.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'bad-lf.yaml'), lf + 'plugins: []\nplugins: []\n');
    writeFileSync(join(dir, 'bad-crlf.yaml'), (lf + 'plugins: []\nplugins: []\n').replace(/\n/g, '\r\n'));
    const r = scan(['.'], { cwd: dir });
    const at = (file: string) => [
      ...r.findings.filter((f) => f.file === file).map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`),
      ...r.errors.filter((e) => e.file === file).map((e) => `${e.code}@${e.line}:${e.column}`),
    ];
    expect(at('lf.yaml').length).toBeGreaterThan(0);
    expect(at('crlf.yaml')).toEqual(at('lf.yaml'));
    expect(at('bad-crlf.yaml')).toEqual(at('bad-lf.yaml'));
    expect(at('bad-lf.yaml')).toEqual(['duplicate-key@13:1']);
  });
});

describe('error positions use the same line and column counting as findings', () => {
  test('a parse error after a lone CR is on the line the CR does not end (js-yaml counts it, editors and findings do not)', () => {
    const text = 'x: 1\ry: [\r';
    expect(() => parseYaml(text)).toThrow(expect.objectContaining({ code: 'parse', line: 1 }));
    let column = 0;
    try {
      parseYaml(text);
    } catch (e) {
      column = (e as { column: number }).column;
    }
    expect(column).toBeGreaterThan(4);
    expect(column).toBeLessThanOrEqual(text.length + 1);
  });

  test('a NUL after multi-byte characters is located by UTF-16 column, not byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-nul-'));
    writeFileSync(join(dir, 'nul.yaml'), Buffer.concat([Buffer.from('_format_version: "3.0"\nname: ঀé'), Buffer.from([0])]));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('_format_version: "3.0"\nname: ঀ'), Buffer.from([0xe9])]));
    const r = scan(['nul.yaml', 'latin1.yaml'], { cwd: dir });
    expect(r.errors.map((e) => `${e.file} ${e.code}@${e.line}:${e.column}`).sort()).toEqual(['latin1.yaml encoding@2:8', 'nul.yaml binary@2:9']);
  });
});

test('an empty first document (`---` twice) is located at the top, not at column 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-pos-'));
  writeFileSync(join(dir, 'kong.yaml'), '---\n---\n_format_version: "3.0"\nservices: []\n');
  const r = scan(['kong.yaml'], { cwd: dir });
  // Today the Kong adapter rejects the empty first document (unknown-format); wherever it is reported, it is at 1:1.
  for (const e of r.errors) expect(`${e.line}:${e.column}`).toBe('1:1');
});
