// cdk-nag's compliance packs demand stage-wide caching (APIGWCacheEnabledAndEncrypted); cachelint demands writes not
// be cached. "*/* caching on + encrypted, explicit cachingEnabled: false for POST" must satisfy both.
import { Stack, Validations } from 'aws-cdk-lib';
import { HIPAASecurityChecks } from 'cdk-nag';
import { CacheLintChecks } from '../../lib/cdk';
import { newApp, readPluginReports, webhookApi } from './helpers';
import * as path from 'path';

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

function compliantStageApp(postCaching: boolean, stageWide = true) {
  const { app, outdir } = newApp({ '@aws-cdk/core:failSynthOnValidationErrors': false });
  const stack = new Stack(app, 'Demo');
  webhookApi(stack, {
    cachingEnabled: stageWide,
    cacheDataEncrypted: stageWide,
    cacheClusterEnabled: true,
    methodOptions: { '/webhooks/POST': { cachingEnabled: postCaching } },
  });
  Validations.of(app).addPlugins(new HIPAASecurityChecks(app), new CacheLintChecks(app));
  app.synth();
  const reports = readPluginReports(path.join(outdir, 'validation-report.json'));
  const nag = reports.find((r) => r.pluginName !== 'CacheLint');
  const ours = reports.find((r) => r.pluginName === 'CacheLint');
  return { nag, ours };
}

test('*/* caching (encrypted) + POST pinned off: no caching violation from HIPAA, CacheLint succeeds', () => {
  const { nag, ours } = compliantStageApp(false);
  expect(nag).toBeDefined(); // HIPAA reports other rules (logging, WAF, ...), never the caching one
  expect(nag.violations.map((v) => v.ruleName).filter((n: string) => /APIGWCacheEnabledAndEncrypted/.test(n))).toEqual([]);
  // Our report is absent (nothing to say) or a success without errors.
  expect(ours?.conclusion ?? 'success').toBe('success');
  expect((ours?.violations ?? []).filter((v) => /^CL00[17]/.test(v.ruleName))).toEqual([]);
});

test('the same app with POST cached: HIPAA still content, CacheLint fails with CL001', () => {
  const { nag, ours } = compliantStageApp(true);
  expect(nag.violations.map((v) => v.ruleName).filter((n: string) => /APIGWCacheEnabledAndEncrypted/.test(n))).toEqual([]);
  expect(ours.conclusion).toBe('failure');
  expect(ours.violations.map((v) => v.ruleName)).toContain('CL001[/webhooks/POST]');
});

test('control: without stage-wide caching HIPAA does report APIGWCacheEnabledAndEncrypted (the assertions above can fail)', () => {
  const { nag } = compliantStageApp(false, false);
  expect(nag.violations.map((v) => v.ruleName).filter((n: string) => /APIGWCacheEnabledAndEncrypted/.test(n)).length).toBeGreaterThan(0);
});
