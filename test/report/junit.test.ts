import { SaxesParser } from 'saxes';
import { junit } from '../../lib/report/junit';
import { finding, fixtureResult } from './fixture';

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** Strict XML 1.0 parse (saxes rejects malformed markup and characters XML forbids) into a small tree. */
function parseXml(xml: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (t) => {
    const node: Node = { name: t.name, attributes: t.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root.children[0];
}

const render = (result = fixtureResult()) => junit(result, { color: false });

describe('junit', () => {
  test('is well-formed XML with one testsuite per file and counts that add up', () => {
    const doc = parseXml(render());
    expect(doc.name).toBe('testsuites');
    expect(doc.children.map((s) => s.attributes.name)).toEqual([
      'gateway/kong.yaml',
      'infra/api.template.yaml',
      'infra/broken.yaml',
      'infra/clean.yaml',
      'infra/missing.yaml',
    ]);
    expect(doc.attributes).toMatchObject({ tests: '8', failures: '2', errors: '2', skipped: '2' });
    for (const suite of doc.children) expect(Number(suite.attributes.tests)).toBe(suite.children.length);
  });

  test('error and warning findings fail; info passes with system-out; suppressed are skipped with the reason', () => {
    const doc = parseXml(render());
    const kong = doc.children[0].children;
    expect(kong.map((c) => c.children[0].name)).toEqual(['failure', 'failure']);
    expect(kong[0].attributes).toMatchObject({ classname: 'CL001.unsafe-method-cached', file: 'gateway/kong.yaml', line: '12' });
    expect(kong[0].attributes.name).toBe('CL001 unsafe-method-cached [/webhooks/stripe/POST] (gateway/kong.yaml:12:7)');
    expect(kong[0].children[0].attributes).toMatchObject({ type: 'CL001', message: 'error: proxy-cache caches POST on POST /webhooks/stripe' });
    expect(kong[0].children[0].text).toContain('Fix: Set `config.request_method: [GET, HEAD]`');
    expect(kong[0].children[0].text).toContain('request_method: [GET, HEAD]\n');
    const api = doc.children[1].children;
    expect(api.map((c) => c.children[0].name)).toEqual(['system-out', 'skipped', 'skipped']);
    expect(api[1].children[0].attributes.message).toBe('suppressed: backend sends no-store');
  });

  test('input errors are <error> testcases; a clean scanned file is one passing testcase', () => {
    const doc = parseXml(render());
    const broken = doc.children.find((s) => s.attributes.name === 'infra/broken.yaml')!;
    expect(broken.children[0].children[0]).toMatchObject({
      name: 'error',
      attributes: { type: 'duplicate-key', message: 'duplicate key "Resources" (first at 1:1)' },
    });
    expect(broken.children[0].attributes.line).toBe('3');
    const clean = doc.children.find((s) => s.attributes.name === 'infra/clean.yaml')!;
    expect(clean.children).toEqual([{ name: 'testcase', attributes: expect.objectContaining({ name: 'no findings' }), children: [], text: '' }]);
  });

  test('escapes markup, quotes and line breaks, and replaces characters XML cannot carry', () => {
    const nasty = 'a <b> & "c" \'d\'\nnext\u0001line \uD800 ]]> end';
    const xml = render({ files: [], errors: [], findings: [finding({ message: nasty, file: 'x&y<z>.yaml', findingId: '/a"b' })] });
    const tc = parseXml(xml).children[0].children[0];
    expect(tc.children[0].attributes.message).toBe('error: a <b> & "c" \'d\'\nnext\uFFFDline \uFFFD ]]> end');
    expect(tc.attributes.file).toBe('x&y<z>.yaml');
    expect(tc.children[0].text).toContain('a <b> & "c"');
    expect(xml).not.toContain('\u0001');
  });

  test('an empty scan is still a valid document', () => {
    expect(parseXml(render({ files: [], findings: [], errors: [] })).attributes).toMatchObject({ tests: '0', failures: '0' });
  });
});
