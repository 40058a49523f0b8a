// The engine around the rules: per-rule configuration (severity, off), the order of findings and the severity that
// decides the exit code, on the model. Suppressions are tested in test/cli/suppressions.test.ts.
import { at, endpoint, ids, known, layer, run } from '../helpers/model';
import type { Method } from '../../lib/model';
import { worstSeverity } from '../../lib/engine';

const POST_CACHE = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), at: at(12) });

describe('engine: rule configuration, finding order, worst severity', () => {
  test('severity overrides and off', () => {
    const e = endpoint({ caches: [POST_CACHE] });
    expect(run([e], [], { rules: { CL001: 'warning' } })[0].severity).toBe('warning');
    expect(ids(run([e], [], { rules: { CL001: 'off', CL003: 'off' } }))).toEqual([]);
  });
  test('findings are sorted by file, line, column, rule', () => {
    const f = run([endpoint({ caches: [layer({ honorsOriginNoStore: known(false), keyIncludesIdentity: known(false) })] })]);
    expect(f.map((x) => `${x.line}:${x.ruleId}`)).toEqual(['5:CL003', '10:CL002', '10:CL004']);
  });
  test('worstSeverity: the most serious unsuppressed finding; suppressed findings do not count; none → undefined', () => {
    const f = run([endpoint({ caches: [POST_CACHE] })]);
    expect(f.map((x) => `${x.ruleId} ${x.severity}`).sort()).toEqual(['CL001 error', 'CL003 warning']);
    expect(worstSeverity(f)).toBe('error');
    expect(worstSeverity(f.map((x) => (x.severity === 'error' ? { ...x, suppressed: { reason: 'accepted' } } : x)))).toBe('warning');
    expect(worstSeverity(f.map((x) => ({ ...x, severity: 'info' as const })))).toBe('info');
    expect(worstSeverity([])).toBeUndefined();
  });
});
