// CL008 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL008-ineffective-method-setting.ts; its page: docs/rules/CL008.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import type { MethodSettingReason, MethodSettingRef } from '../../lib/model';
import { fact, only, run } from '../helpers/model';

describe('CL008 ineffective-method-setting', () => {
  test('reports the fact at its location as error; ambiguous settings as warning', () => {
    expect(only(run([], [fact()]), 'CL008')[0]).toMatchObject({ severity: 'error', line: 20, file: 'template.yaml', findingId: '/orders/POST' });
    expect(only(run([], [fact({ kind: 'ambiguous-setting' })]), 'CL008')[0].severity).toBe('warning');
  });
  test('the rule words why the setting matches nothing from the data the adapter gives', () => {
    const ORDERS: MethodSettingRef = { rawPath: '/~1orders', rawMethod: 'POST', stage: 'prod', path: '/orders', method: 'POST', caching: true };
    const said = (reason: MethodSettingReason, setting: Partial<MethodSettingRef> = {}) => {
      const f = fact({ reason, setting: { ...ORDERS, ...setting } });
      return only(run([], [f]), 'CL008')[0].message.replace('MethodSetting ResourcePath: /~1orders, HttpMethod: POST on stage prod', '…');
    };
    expect(said({ kind: 'path-not-in-api', api: 'Api', methodsOnPath: [] })).toBe(
      '… matches nothing: API Api has no resource /orders, so this CachingEnabled: true has no effect.',
    );
    expect(said({ kind: 'path-not-in-api', api: 'Api', methodsOnPath: ['GET', 'PUT'] }, { caching: false })).toBe(
      '… matches nothing: API Api has only GET, PUT on /orders, so this CachingEnabled: false (a fix that fixes nothing) has no effect.',
    );
    expect(said({ kind: 'wildcard-path-with-method' }, { caching: undefined })).toMatch(
      /ResourcePath \/\* only works with HttpMethod \* .*so this setting has no effect\.$/,
    );
    expect(said({ kind: 'unknown-method' })).toBe('… matches nothing: POST is not an HTTP method API Gateway knows.');
    expect(said({ kind: 'unencoded-path' })).toMatch(/^…: AWS documents the resource path encoded, each \/ after the first written ~1 \(\/~1orders\);/);
    expect(said({ kind: 'duplicate', firstLine: 7, differentCaching: false })).toMatch(/^… duplicates the entry at line 7: which one/);
  });
  test('the message is a template and data: a path with braces is data, never a placeholder', () => {
    const setting: MethodSettingRef = { rawPath: '/orders/{id}', rawMethod: 'POST', stage: 'prod', path: '/orders/{id}', method: 'POST', caching: false };
    const f = only(run([], [fact({ kind: 'ambiguous-setting', reason: { kind: 'unencoded-path' }, setting })]), 'CL008')[0];
    expect(f).toMatchObject({
      messageId: 'unencodedPath',
      data: { rawPath: '/orders/{id}', rawMethod: 'POST', stage: 'prod', encoded: '/~1orders~1{id}', path: '/orders/{id}' },
    });
    expect(f.message).toMatch(/^MethodSetting ResourcePath: \/orders\/\{id\}, HttpMethod: POST on stage prod: .*\(\/~1orders~1\{id\}\)/);
    const malformed = only(run([], [fact({ reason: { kind: 'malformed-path' }, setting: { ...setting, rawPath: 'orders', path: undefined } })]), 'CL008')[0];
    expect(malformed).toMatchObject({ messageId: 'malformedPath', data: { rawPath: 'orders', example: '/~1orders~1{id}' } });
    const twice = (differentCaching: boolean) => only(run([], [fact({ reason: { kind: 'duplicate', firstLine: 7, differentCaching } })]), 'CL008')[0];
    expect(twice(true)).toMatchObject({ messageId: 'duplicateDifferentCaching', data: { firstLine: 7 } });
    expect(twice(false).messageId).toBe('duplicate');
  });
  test('the fix rewrites the setting for the flavor, with its own path, method and caching value', () => {
    const fix = (flavor: 'cloudformation' | 'cdk') => only(run([], [fact({ flavor })]), 'CL008')[0].remediation.snippet;
    expect(fix('cloudformation')).toBe('MethodSettings:\n  - ResourcePath: /~1orders\n    HttpMethod: POST\n    CachingEnabled: true');
    expect(fix('cdk')).toBe("methodOptions: {\n  '/orders/POST': { cachingEnabled: true },\n}");
  });
});
