// examples/kong-ingress: the bad manifest reproduces the ghost 200 (and the disabled:true trap); the fixed twin yields
// no finding, alone and scanned together with the bad one (as `npm run scan` scans examples/).
import { join } from 'node:path';
import { scan } from '../../../lib/engine';

const ROOT = join(__dirname, '../../..');
const run = (...paths: string[]) => scan(paths, { cwd: ROOT });
const BAD = 'examples/kong-ingress/webhook-gateway.bad.yaml';
const FIXED = 'examples/kong-ingress/webhook-gateway.fixed.yaml';

describe('examples/kong-ingress/webhook-gateway', () => {
  it('bad: the Service-level proxy-cache caches POST on both webhook routes (one CL001 on it); the disabled Ingress copy exempts nothing (one CL009 on it)', () => {
    const r = run(BAD);
    expect(r.errors).toEqual([]);
    const both = ['Ingress webhooks/webhooks /webhooks/stripe', 'Ingress webhooks/webhooks /webhooks/github'];
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.resource, f.route, f.findingId, f.line, f.routes])).toEqual([
      ['CL001', 'error', 'webhooks/Ingress/webhooks', 'POST /webhooks/stripe', 'webhooks/KongPlugin/response-cache', 14, both],
      ['CL009', 'warning', 'webhooks/Ingress/webhooks', 'POST /webhooks/stripe', 'webhooks/KongPlugin/no-cache', 29, both],
      // The cache stores the webhooks' POSTs and nothing sets no-store: CL003 per route (its own fix), beside CL001.
      ['CL003', 'warning', 'webhooks/Ingress/webhooks', 'POST /webhooks/stripe', 'Ingress webhooks/webhooks /webhooks/stripe', 60, [both[0]]],
      ['CL003', 'warning', 'webhooks/Ingress/webhooks', 'POST /webhooks/github', 'Ingress webhooks/webhooks /webhooks/github', 67, [both[1]]],
    ]);
    const cl001 = r.findings[0];
    expect(cl001.message).toContain('caches POST responses for 2 routes');
    expect(cl001.message).toContain(
      'proxy-cache webhooks/KongPlugin/response-cache (service webhooks/Service/webhook-receiver) (line 14) caches POST responses',
    );
    expect(cl001.remediation.snippet).toBe('config:\n  request_method: [GET, HEAD]\n  cache_control: true');
  });

  it('fixed: no finding, alone and next to the bad twin (same names, each file resolves its own)', () => {
    const alone = run(FIXED);
    expect([alone.errors, alone.findings]).toEqual([[], []]);
    const both = run('examples/kong-ingress');
    expect(both.errors).toEqual([]);
    expect(both.files.map((f) => [f.file, f.status, f.format])).toEqual([
      [BAD, 'scanned', 'kong-ingress'],
      [FIXED, 'scanned', 'kong-ingress'],
    ]);
    expect(both.findings.filter((f) => f.file === FIXED)).toEqual([]);
    expect(both.findings).toHaveLength(4);
  });
});
