// Folding (lib/fold.ts): the hits rules return per route become one finding per setting. These tests use a toy
// rule so they pin the engine's contract, not a real rule's words.
import { evaluate } from '../../lib/engine';
import type { Remediation, Rule, RuleHit } from '../../lib/findings';
import { findSuppressions } from '../../lib/parse/suppressions';
import { at, endpoint } from '../helpers/model';

/** A rule with one hit per endpoint on one shared setting; it counts how often its fix is built. */
function countingRule(severityOf: (route: string) => RuleHit['severity'] = () => undefined) {
  const built: string[] = [];
  const rule: Rule = {
    id: 'CL001',
    name: 'toy',
    severity: 'warning',
    summary: '',
    rationale: '',
    docs: 'docs/rules/CL001.md',
    remediation: {},
    messages: { one: 'the setting caches {routes} ({route})' },
    check: (e) => [
      {
        at: at(3),
        findingId: 'shared',
        messageId: 'one',
        data: { route: e.route },
        severity: severityOf(e.route),
        remediation: (): Remediation => {
          built.push(e.route);
          return { summary: `fix for ${e.route}` };
        },
      },
    ],
  };
  return { rule, built };
}

const routes = ['POST /a', 'POST /b', 'POST /c'].map((route, i) => endpoint({ route, name: `r${i}`, at: at(10 + i) }));

test('hits on one setting at one place are one finding; its fix is built once, from the hit that speaks for it', () => {
  const { rule, built } = countingRule((route) => (route === 'POST /b' ? 'error' : undefined));
  const findings = evaluate([{ file: 'test.yaml', endpoints: routes, facts: [] }], { rules: [rule] });
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    severity: 'error',
    message: 'the setting caches 3 routes (POST /b)',
    remediation: { summary: 'fix for POST /b' },
    routes: ['r0', 'r1', 'r2'],
    routeLocations: [
      { route: 'r0', line: 10 },
      { route: 'r1', line: 11 },
      { route: 'r2', line: 12 },
    ],
  });
  expect(built).toEqual(['POST /b']);
});

test('with a suppression comment in the scan, a suppressed route stays a finding of its own and fixes are still built once per finding', () => {
  const { rule, built } = countingRule();
  const comments = new Map([['test.yaml', findSuppressions('x\n'.repeat(8) + '# cachelint-disable-next-line CL001 -- a test\n- r0\n')]]);
  const findings = evaluate([{ file: 'test.yaml', endpoints: routes, facts: [] }], { rules: [rule], comments });
  const toy = findings.filter((f) => f.ruleId === 'CL001');
  expect(toy.map((f) => [f.routes, !!f.suppressed])).toEqual([
    [['r0'], true],
    [['r1', 'r2'], false],
  ]);
  expect(built.sort()).toEqual(['POST /a', 'POST /b']);
});
