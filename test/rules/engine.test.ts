// The engine around the rules: per-rule configuration (severity, off) and suppressions, on the model.
import { at, endpoint, ids, known, layer, run } from '../helpers/model';
import type { Method } from '../../lib/model';

const POST_CACHE = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), at: at(12) });

describe('engine: config and suppressions', () => {
  test('severity overrides and off', () => {
    const e = endpoint({ caches: [POST_CACHE] });
    expect(run([e], [], { rules: { CL001: 'warning' } })[0].severity).toBe('warning');
    expect(ids(run([e], [], { rules: { CL001: 'off', CL003: 'off' } }))).toEqual([]);
  });
  test('findings are sorted by file, line, column, rule', () => {
    const f = run([endpoint({ caches: [layer({ honorsOriginNoStore: known(false), keyIncludesIdentity: known(false) })] })]);
    expect(f.map((x) => `${x.line}:${x.ruleId}`)).toEqual(['5:CL003', '10:CL002', '10:CL004']);
  });
});
