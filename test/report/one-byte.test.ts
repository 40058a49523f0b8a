// A big report is mostly rule text repeated per finding. One character above U+00FF anywhere (an em dash, an
// arrow) makes V8 hold the whole JSON report as a two-byte string: on a 10,000-route Kong file that cost ~70 ms of
// stringify and write. Rule text stays Latin-1 ("->" for a chain of layers, ":" or ";" for a dash).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scan } from '../../lib/engine';
import { reporterFor } from '../../lib/report';
import { STATIC_RULES } from '../../rules/index';

const ROOT = resolve(__dirname, '../..');
const isWide = (text: string) => [...text].some((c) => c.charCodeAt(0) > 0xff);

test('every message template is Latin-1', () => {
  const wide = STATIC_RULES.flatMap((rule) =>
    Object.entries(rule.messages ?? {})
      .filter(([, t]) => isWide(t))
      .map(([id]) => `${rule.id} ${id}`),
  );
  expect(wide).toEqual([]);
});

test('the JSON report of the examples and fixtures (messages, fixes, snippets) is Latin-1', () => {
  const result = scan(['examples', 'test/fixtures/kong', 'test/fixtures/cloudformation', 'test/fixtures/kong-ingress'], { cwd: ROOT });
  expect(result.findings.length).toBeGreaterThan(50);
  const report = reporterFor('json')(result, {});
  const lines = report.split('\n').filter((l) => isWide(l));
  expect(lines).toEqual([]);
});

test('SARIF and JUnit of a setting over many routes, with an unused suppression over a block, are Latin-1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-one-byte-'));
  const routes = Array.from({ length: 7 }, (_, i) => `      - name: r${i}\n        paths: [/r${i}]\n        methods: [GET, POST]\n`).join('');
  writeFileSync(
    join(dir, 'kong.yaml'),
    '_format_version: "3.0"\nplugins:\n  - name: proxy-cache\n    config:\n      request_method: [GET, POST]\n      strategy: memory\n' +
      'services:\n  # cachelint-disable-next-line CL009 -- nothing to hide here\n  - name: s\n    url: http://x\n    routes:\n' +
      routes,
  );
  const result = scan(['kong.yaml'], { cwd: dir });
  expect(result.findings.some((f) => f.routes.length > 5)).toBe(true);
  expect(result.findings.some((f) => f.ruleId === 'unused-suppression' && /lines \d+-\d+/.test(f.message))).toBe(true);
  for (const format of ['sarif', 'junit', 'json', 'github'] as const) {
    const report = reporterFor(format)(result, {});
    expect([format, report.split('\n').filter(isWide)]).toEqual([format, []]);
  }
});
