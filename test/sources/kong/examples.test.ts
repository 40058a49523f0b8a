// examples/kong: the bad webhook gateway reproduces the ghost 200; the fixed twin yields no finding at all.
import { join } from 'node:path';
import { evaluate } from '../../../lib/engine';
import { defaultConfig } from '../../../lib/config';
import { loadFile } from './helpers';

const dir = join(__dirname, '../../../examples/kong');

describe('examples/kong/webhook-gateway', () => {
  it('bad: the global proxy-cache caches POST on both webhook routes: one CL001 on it listing both (request_method line)', () => {
    const { model, errors, byName } = loadFile(join(dir, 'webhook-gateway.bad.yaml'));
    expect(errors).toEqual([]);
    const stripe = byName('stripe-webhook');
    expect(stripe.route).toBe('POST /webhooks/stripe');
    expect(stripe.resource).toBe('webhook-receiver/stripe-webhook');
    expect(stripe.at.line).toBe(14);
    expect(stripe.caches).toHaveLength(1);
    const layer = stripe.caches[0];
    expect(layer).toMatchObject({ kind: 'kong-proxy-cache', scope: 'global', name: 'proxy-cache (global)' });
    expect(layer.at.line).toBe(41);
    expect(layer.cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD', 'POST'] });
    expect(layer.honorsOriginNoStore).toEqual({ known: true, value: false });
    expect(layer.keyIncludesIdentity).toEqual({ known: true, value: false });
    expect(stripe.noStore).toEqual({ known: true, value: undefined });

    const findings = evaluate([model], { config: defaultConfig() });
    const cl001 = findings.filter((f) => f.ruleId === 'CL001');
    expect(cl001.map((f) => [f.findingId, f.line, f.severity, f.routes])).toEqual([['proxy-cache@global', 41, 'error', ['stripe-webhook', 'github-webhook']]]);
    // The status route is GET/HEAD only: no ghost 200 there. Its key separates no callers, but nothing says a public
    // /status answers per caller: CL004 info, not a warning.
    const status = findings.filter((f) => f.routes.includes('status'));
    expect(status.map((f) => [f.ruleId, f.findingId, f.severity])).toEqual([['CL004', 'proxy-cache@global#identity', 'info']]);
    // Nothing sets no-store on the webhooks, whose POSTs the cache stores: CL003 on each route, beside CL001.
    expect(findings.filter((f) => f.ruleId === 'CL003').map((f) => [f.findingId, f.severity])).toEqual([
      ['stripe-webhook', 'warning'],
      ['github-webhook', 'warning'],
    ]);
  });

  it('fixed: no finding from any rule', () => {
    const { model, errors, byName } = loadFile(join(dir, 'webhook-gateway.fixed.yaml'));
    expect(errors).toEqual([]);
    expect(byName('stripe-webhook').caches).toEqual([]);
    expect(byName('stripe-webhook').noStore).toMatchObject({ known: true, value: { cacheControl: 'no-store' } });
    expect(byName('stripe-webhook').details?.noStoreCoverage).toBe('both');
    expect(byName('status').caches[0]).toMatchObject({ scope: 'service', honorsOriginNoStore: { known: true, value: true } });
    const findings = evaluate([model], { config: defaultConfig() });
    expect(findings).toEqual([]);
  });
});
