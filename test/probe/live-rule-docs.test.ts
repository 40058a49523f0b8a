// The pages of the live rules (CL101–CL103) have their own shape (test/docs/rule-docs.test.ts covers the static
// rules): a probe run as the example, "How to fix" per layer. Each page's example output is what the probe prints
// today for the same answers (run id and version normalised), so the pages cannot drift from the code.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { Io } from '../../lib/cli/main';
import { docsUrl } from '../../lib/meta';
import { parseYaml } from '../../lib/parse/yaml';
import { runProbe, type Sender } from '../../lib/probe/cli';
import { LIVE_RULES } from '../../rules';
import { fences, parsePage, subsections, type Page } from '../helpers/markdown';

const ROOT = join(__dirname, '..', '..');
const SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'How to fix', 'How to suppress', 'References'];
const LAYERS = ['Kong', 'CloudFront', 'API Gateway', 'nginx'];

/** The answers behind each page's example. */
const SCENARIOS: Record<string, { args: string[]; answers: { headers: IncomingHttpHeaders; body: string }[] }> = {
  CL101: {
    args: ['https://api.example.com/webhooks/stripe', '--method', 'POST', '-H', 'Authorization: Bearer sk_test_123456'],
    answers: [
      { headers: { server: 'nginx/1.22.1', 'x-cache-status': 'MISS', 'content-type': 'application/json' }, body: '{"received":true,"id":"evt_1"}' },
      { headers: { server: 'nginx/1.22.1', 'x-cache-status': 'HIT', 'content-type': 'application/json' }, body: '{"received":true,"id":"evt_1"}' },
    ],
  },
  CL102: {
    args: ['https://d111111abcdef8.cloudfront.net/api/payments', '--method', 'POST'],
    answers: [1, 2].map((i) => ({
      headers: {
        via: '1.1 0a1b2c.cloudfront.net (CloudFront)',
        'x-cache': 'Miss from cloudfront',
        'x-amz-cf-pop': 'FRA56-P1',
        'x-amzn-requestid': i === 1 ? 'c0ffee' : 'c0ffef',
        'content-type': 'application/json',
      },
      body: `{"payment":${i}}`,
    })),
  },
  CL103: {
    args: ['https://api.example.com/orders', '--method', 'POST'],
    answers: ['7f3c0a', '9b21de'].map((key, i) => ({
      headers: { via: '1.1 kong/3.6.1', 'x-kong-proxy-latency': '1', 'x-cache-status': 'Miss', 'x-cache-key': key, 'content-type': 'application/json' },
      body: `{"order":${i + 1}}`,
    })),
  },
};

const readPage = (file: string): Page => parsePage(readFileSync(join(ROOT, file), 'utf8'));

const normalise = (s: string) => s.replace(/[0-9a-f]{12}\b/g, 'RUNID').replace(/cachelint-probe\/\d+\.\d+\.\d+\S*/g, 'cachelint-probe/VERSION');

describe.each(LIVE_RULES.map((r) => [r.id, r] as const))('docs page of %s', (_id, rule) => {
  const page = () => readPage(rule.docs);

  test('lives at docs/rules/<id>.md; title and header line match the code', () => {
    expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
    expect(existsSync(join(ROOT, rule.docs))).toBe(true);
    expect(page().lines[0]).toBe(`# ${rule.id} ${rule.name}`);
    const header = page().lines.find((l) => l.startsWith('Default severity:'));
    expect(header).toMatch(new RegExp(`^Default severity: ${rule.severity}\\b[^·]* · Platforms: live HTTP endpoint \\(\`cachelint probe\`\\)$`));
  });

  test('has the sections, in order, and How to fix covers Kong, CloudFront, API Gateway and nginx', () => {
    expect(page().h2).toEqual(SECTIONS);
    const fixes = subsections(page().sections.get('How to fix')!);
    expect([...fixes.keys()]).toEqual(LAYERS);
    for (const [layer, body] of fixes) expect({ layer, words: body.join(' ').trim().length > 40 }).toEqual({ layer, words: true });
  });

  test("the example is the probe's real output for the scenario (stylish, with the docs link)", async () => {
    const scenario = SCENARIOS[rule.id];
    let n = 0;
    const sender: Sender = async (req) => {
      const a = scenario.answers[n++];
      return { status: 200, headers: a.headers, body: Buffer.from(a.body), truncated: false, url: req.url, redirects: [] };
    };
    let out = '';
    const io: Io = { stdout: (s) => (out += s), stderr: (s) => (out += s), isTTY: false, env: {}, cwd: ROOT };
    await runProbe(scenario.args, io, sender);
    const example = fences(page().sections.get('Example')!).find((f) => f.lang === 'text');
    expect(example).toBeDefined();
    const [command, ...printed] = example!.text.split('\n');
    expect(command).toBe(`$ cachelint probe ${scenario.args.join(' ').replace('Authorization: Bearer sk_test_123456', '"Authorization: Bearer $TOKEN"')}`);
    expect(normalise(printed.join('\n'))).toBe(normalise(out.trimEnd()));
    expect(printed).toContain(`  docs: ${docsUrl(rule)}`);
    expect(out).not.toContain('sk_test_123456');
  });

  test('YAML blocks parse; How to suppress turns this rule off in the config with a reason comment', () => {
    for (const block of fences(page().lines).filter((f) => f.lang === 'yaml')) expect(() => parseYaml(block.text)).not.toThrow();
    const suppress = page().sections.get('How to suppress')!.join('\n');
    expect(suppress).toMatch(new RegExp(`# ${rule.id} off: \\S.+\\n\\s+${rule.id}: off`));
  });

  test('relative links resolve', () => {
    const text = page().lines.join('\n');
    for (const [, target] of text.matchAll(/\]\(((?:\.\.\/)?[\w./-]+\.md)\)/g)) {
      expect({ target, exists: existsSync(join(ROOT, 'docs', 'rules', target)) }).toEqual({ target, exists: true });
    }
  });
});
