import { parseYaml } from '../../lib/parse/yaml';
import { InputProblem } from '../../lib/parse/errors';

function problem(text: string, tags: 'plain' | 'cloudformation' = 'plain'): InputProblem {
  try {
    parseYaml(text, { tags });
  } catch (e) {
    if (e instanceof InputProblem) return e;
    throw e;
  }
  throw new Error('expected an InputProblem');
}

describe('parseYaml values', () => {
  test('core schema scalars; quoted stay strings', () => {
    const doc = parseYaml('a: 1\nb: "1"\nc: true\nd: "true"\ne: ~\nf: 1.5\ng: word\nh:\n').documents[0];
    expect(doc.value).toEqual({ a: 1, b: '1', c: true, d: 'true', e: null, f: 1.5, g: 'word', h: null });
  });

  test('merge keys: explicit keys win over merged ones, earlier merges over later', () => {
    const text = 'x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nm:\n  <<: [*x, *y]\n  a: 0\n';
    expect(parseYaml(text).documents[0].get(['m'])).toEqual({ a: 0, b: 1, c: 2 });
  });

  test('a quoted "<<" is an ordinary key', () => {
    expect(parseYaml('m:\n  "<<": 1\n').documents[0].value).toEqual({ m: { '<<': 1 } });
  });

  test('CloudFormation short tags become intrinsic objects', () => {
    const text = 'a: !Ref P\nb: !GetAtt Api.RootResourceId\nc: !GetAtt [Api, Arn]\nd: !Sub "${A}"\ne: !If [C, 1, 2]\nf: !Condition IsProd\n';
    expect(parseYaml(text, { tags: 'cloudformation' }).documents[0].value).toEqual({
      a: { Ref: 'P' },
      b: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
      c: { 'Fn::GetAtt': ['Api', 'Arn'] },
      d: { 'Fn::Sub': '${A}' },
      e: { 'Fn::If': ['C', 1, 2] },
      f: { Condition: 'IsProd' },
    });
  });

  test('multi-document streams', () => {
    expect(parseYaml('a: 1\n---\nb: 2\n').documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('JSON is parsed with positions', () => {
    const doc = parseYaml('{\n  "a": {\n    "b": [1, 2]\n  }\n}\n').documents[0];
    expect(doc.value).toEqual({ a: { b: [1, 2] } });
    expect(doc.locate(['a', 'b'])).toMatchObject({ line: 3, column: 5 });
  });
});

describe('parseYaml positions', () => {
  const text = ['services:', '  - name: a', '    routes:', '      - name: r', '        methods: [GET, POST]', ''].join('\n');
  const doc = parseYaml(text).documents[0];

  test('locate points at the key of a mapping member (1-based)', () => {
    expect(doc.locate(['services', 0, 'routes', 0, 'methods'])).toMatchObject({ line: 5, column: 9 });
  });
  test('locateValue points at the value', () => {
    expect(doc.locateValue(['services', 0, 'routes', 0, 'methods'])).toMatchObject({ line: 5, column: 18 });
  });
  test('sequence items and missing paths fall back to the deepest known container', () => {
    expect(doc.locate(['services', 0, 'routes', 0, 'methods', 1])).toMatchObject({ line: 5, column: 24 });
    expect(doc.locate(['services', 0, 'nope'])).toMatchObject({ line: 2, column: 5 });
  });
  test('members merged from an anchor point at the anchor definition', () => {
    const d = parseYaml('base: &b\n  cache_control: false\nplugin:\n  <<: *b\n  name: proxy-cache\n').documents[0];
    expect(d.locate(['plugin', 'cache_control'])).toMatchObject({ line: 2, column: 3 });
    expect(d.locate(['plugin', 'name'])).toMatchObject({ line: 5, column: 3 });
  });
  test('CRLF line endings keep positions right', () => {
    const d = parseYaml('a: 1\r\nb:\r\n  c: 2\r\n').documents[0];
    expect(d.locate(['b', 'c'])).toMatchObject({ line: 3, column: 3 });
  });
});

describe('parseYaml refuses what last-wins parsers accept silently', () => {
  test('duplicate keys, with both lines', () => {
    const p = problem('_format_version: "3.0"\nplugins: []\nservices: []\nplugins:\n  - name: proxy-cache\n');
    expect(p.code).toBe('duplicate-key');
    expect(p.line).toBe(4);
    expect(p.message).toMatch(/first defined at line 2/);
  });
  test('unknown tags, in plain and CloudFormation mode', () => {
    expect(problem('a: !Foo x\n')).toMatchObject({ code: 'unknown-tag', line: 1, column: 4 });
    expect(problem('a: !Ref x\n')).toMatchObject({ code: 'unknown-tag' });
    expect(problem('a: !Reff x\n', 'cloudformation')).toMatchObject({ code: 'unknown-tag' });
    expect(problem('a: !!python/object:os.system x\n').code).toBe('unknown-tag');
  });
  test('alias bombs stop at the node limit with a location', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(
        `${name}: &${name} [${Array(10)
          .fill('*' + prev)
          .join(', ')}]`,
      );
    }
    const p = problem(lines.join('\n') + '\n');
    expect(p.code).toBe('alias-limit');
    expect(p.line).toBeGreaterThan(1);
  });
  test('invalid YAML has a line and column', () => {
    const p = problem('a: [1, 2\nb: 3\n');
    expect(p.code).toBe('parse');
    expect(p.line).toBeGreaterThan(0);
    expect(p.column).toBeGreaterThan(0);
  });
  test('an alias to an undefined anchor', () => {
    expect(problem('a: *nope\n').code).toBe('parse');
  });
  test('very deep nesting is refused, not a stack overflow', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(['too-deep', 'parse']).toContain(problem(deep).code);
  });
});

describe('syntax errors point at the construct that was never closed', () => {
  const where = (text: string) => {
    const p = problem(text);
    return `${p.code}@${p.line}:${p.column} ${p.message}`;
  };

  test('an unclosed [ is reported where it opened, with where the parser gave up', () => {
    const text =
      '_format_version: "3.0"\nservices:\n  - name: s\n    url: http://x\n    routes:\n      - name: r\n        methods: [GET, POST\n        paths:\n          - /a\n';
    expect(where(text)).toBe('parse@7:18 invalid YAML: this "[" is never closed; the parser gave up at line 8, column 9 (deficient indentation)');
  });

  test('an unclosed { at the end of the file, and a [ closed by }', () => {
    expect(where('a: 1\nb: {x: 1, y: 2\nc: 3\n')).toMatch(/^parse@2:4 invalid YAML: this "\{" is never closed; the parser gave up at line 3, column 1 \(/);
    expect(where('a: 1\nb: {x: [1, 2}\nc: 3\n')).toBe(
      'parse@2:8 invalid YAML: this "[" is closed by "}" at line 2, column 13 (missed comma between flow collection entries)',
    );
  });

  test('unclosed double and single quotes', () => {
    expect(where('a: 1\nb: "hello\nc: 3\nd: 4\n')).toMatch(
      /^parse@2:4 invalid YAML: this quoted string \("\) is never closed; the parser gave up at line 3, column 1 /,
    );
    expect(where("a: 1\nb: 'it''s\nc: 3\n")).toMatch(/^parse@2:4 invalid YAML: this quoted string \('\) is never closed;/);
  });

  test('brackets and quotes inside plain scalars, comments and block scalars are text, not openers', () => {
    // The error is the bad indentation on the last line; nothing before it is unclosed.
    const text = 'a: http://x/[id]\nb: it\'s {fine}\nc: 1 # [not a list\nd: |\n  [text\n  "more\ne:\n  f: 1\n g: 2\n';
    expect(where(text)).toBe('parse@9:2 invalid YAML: bad indentation of a mapping entry');
  });

  test("bad indentation, and an error inside a flow collection that does close, keep the parser's position", () => {
    expect(where('a:\n  b: 1\n c: 2\n')).toBe('parse@3:2 invalid YAML: bad indentation of a mapping entry');
    expect(where('a:\n  b: 1\n    c: 2\n')).toBe('parse@3:6 invalid YAML: bad indentation of a mapping entry');
    const inside = problem('a: [1, @x]\n');
    expect(inside.message).not.toMatch(/never closed/);
    expect(`${inside.line}:${inside.column}`).toBe('1:8');
  });

  test('JSON: a missing } is pointed at its {', () => {
    expect(where('{\n  "a": {"b": [1, 2],\n  "c": 3\n')).toMatch(/^parse@2:8 invalid YAML: this "\{" is never closed; the parser gave up at line 4, column 1 /);
  });
});
