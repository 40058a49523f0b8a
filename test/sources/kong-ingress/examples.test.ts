// examples/kong-ingress: the bad manifest reproduces the ghost 200 (and the disabled:true trap); the fixed twin yields
// no finding, alone and scanned together with the bad one (as `npm run scan` scans examples/).
import { join } from 'node:path';
import { scan } from '../../../lib/engine';

const ROOT = join(__dirname, '../../..');
const run = (...paths: string[]) => scan(paths, { cwd: ROOT });
const BAD = 'examples/kong-ingress/webhook-gateway.bad.yaml';
const FIXED = 'examples/kong-ingress/webhook-gateway.fixed.yaml';

describe('examples/kong-ingress/webhook-gateway', () => {
  it('bad: the Service-level proxy-cache caches POST on both webhook routes; the disabled Ingress copy exempts nothing', () => {
    const r = run(BAD);
    expect(r.errors).toEqual([]);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.resource, f.route, f.findingId, f.line])).toEqual([
      ['CL001', 'error', 'webhooks/Ingress/webhooks', 'POST /webhooks/github', 'Ingress webhooks/webhooks /webhooks/github', 14],
      ['CL001', 'error', 'webhooks/Ingress/webhooks', 'POST /webhooks/stripe', 'Ingress webhooks/webhooks /webhooks/stripe', 14],
      ['CL009', 'warning', 'webhooks/Ingress/webhooks', 'POST /webhooks/github', 'Ingress webhooks/webhooks /webhooks/github#route', 29],
      ['CL009', 'warning', 'webhooks/Ingress/webhooks', 'POST /webhooks/stripe', 'Ingress webhooks/webhooks /webhooks/stripe#route', 29],
    ]);
    const cl001 = r.findings[0];
    expect(cl001.message).toContain('proxy-cache webhooks/KongPlugin/response-cache (service webhooks/Service/webhook-receiver) (line 14) caches POST responses');
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
