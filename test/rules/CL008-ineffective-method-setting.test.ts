// CL008 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL008-ineffective-method-setting.ts; its page: docs/rules/CL008.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { fact, only, run } from '../helpers/model';

describe('CL008 ineffective-method-setting', () => {
  test('reports the fact at its location as error; ambiguous settings as warning', () => {
    expect(only(run([], [fact()]), 'CL008')[0]).toMatchObject({ severity: 'error', line: 20, file: 'template.yaml', findingId: '/orders/POST' });
    expect(only(run([], [fact({ kind: 'ambiguous-setting' })]), 'CL008')[0].severity).toBe('warning');
  });
});
