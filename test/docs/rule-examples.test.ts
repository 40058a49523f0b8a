// The examples on the rule pages are what users copy: run them through the real scanner. Each bad example must
// produce the page's rule and each "Use instead" example must not. What each prints, the "Example output" block
// included, is pinned byte for byte by test/golden/rule-pages.test.ts, so the pages cannot drift from the code.
// A "Use instead" block may be a fragment (indented, showing only what changes): it is spliced into the bad example
// that has the same key at the same indentation, and the result is scanned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIC_RULES } from '../../rules';
import { casesOf, examplesOf, FILE_FOR_SUBSECTION, runnableOf, scanText } from '../helpers/rule-examples';

const ROOT = join(__dirname, '..', '..');

describe.each(STATIC_RULES.map((r) => [r.id, r] as const))('%s page examples run as documented', (id, rule) => {
  const page = readFileSync(join(ROOT, rule.docs), 'utf8');
  const { examples } = examplesOf(page);
  const runnable = runnableOf(examples);

  test('has runnable bad and good examples', () => {
    expect(runnable.some((e) => e.section === 'Example')).toBe(true);
    expect(runnable.some((e) => e.section === 'Use instead')).toBe(true);
  });

  test.each(casesOf(runnable).map((c, i) => [`${c.section}: ${c.subsection} #${i + 1}`, c] as const))('%s', (_name, example) => {
    const { result } = scanText(FILE_FOR_SUBSECTION[example.subsection], example.yaml);
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => f.status)).toEqual(['scanned']);
    const ruleIds = result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    if (example.section === 'Example') expect(ruleIds).toContain(id);
    else expect(ruleIds).not.toContain(id);
  });
});
