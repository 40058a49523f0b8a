// Every fix fits the layer and the input: over every fixture and example, a finding's remediation never names another
// platform's settings, and a finding on a CDK-synthesised template is fixed in CDK code, not in template YAML.
import { join } from 'node:path';
import { scan } from '../../lib/engine';
import type { Finding } from '../../lib/findings';
import type { Flavor } from '../../lib/model';

const ROOT = join(__dirname, '..', '..');

/** Settings that exist only on another platform: naming them in a fix sends the user to the wrong place. */
const FOREIGN: Record<string, RegExp> = {
  cloudfront: /CacheKeyParameters|MethodSettings|methodOptions|request_method|vary_headers|response-transformer|cache_control:/,
  apigateway: /CachePolicyId|CachePolicyConfig|ResponseHeadersPolicy|cachePolicy:|vary_headers|request_method|response-transformer/,
  kong: /CachePolicy|MethodSettings|methodOptions|CacheKeyParameters|ResponseHeadersPolicy/,
};

function scanned(dir: string): { findings: Finding[]; flavorOf: (f: Finding) => Flavor | undefined } {
  const r = scan([dir], { cwd: ROOT });
  const byFile = new Map<string, Flavor>();
  for (const m of r.models ?? []) {
    const flavor = m.endpoints[0]?.flavor ?? m.facts[0]?.flavor;
    if (flavor) byFile.set(m.file, flavor);
  }
  return { findings: r.findings, flavorOf: (f) => byFile.get(f.file) };
}

const all = ['test/fixtures', 'examples'].map((d) => scanned(d));
const findings = all.flatMap((s) => s.findings.map((f) => ({ f, flavor: s.flavorOf(f) })));
const fixText = (f: Finding) => `${f.remediation.summary}\n${f.remediation.snippet ?? ''}`;

describe('remediations fit the platform and the input of the finding', () => {
  test('the corpus is wide enough to mean something', () => {
    const kinds = new Set(findings.map(({ f, flavor }) => `${f.platform}/${flavor}`));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['apigateway/cdk', 'apigateway/cloudformation', 'cloudfront/cdk', 'cloudfront/cloudformation', 'kong/kong', 'kong/kong-ingress']),
    );
    expect(findings.length).toBeGreaterThan(100);
  });

  test.each(Object.keys(FOREIGN))("a %s finding never names another platform's settings", (platform) => {
    const offenders = findings
      .filter(({ f }) => f.platform === platform)
      .filter(({ f }) => FOREIGN[platform].test(fixText(f)))
      .map(({ f }) => `${f.file}:${f.line} ${f.ruleId} [${f.findingId}]: ${fixText(f).match(FOREIGN[platform])![0]}`);
    expect(offenders).toEqual([]);
  });

  test('a finding on a CDK app is fixed in CDK code: no CloudFormation keys in its snippet', () => {
    const cdk = findings.filter(({ flavor }) => flavor === 'cdk');
    expect(cdk.length).toBeGreaterThan(5);
    const offenders = cdk
      .filter(({ f }) =>
        /^\s*(?:- )?(?:CachePolicyId|MethodSettings|CachePolicyConfig|ResponseHeadersPolicyConfig|MethodResponses|CacheKeyParameters|ResourcePath|HttpMethod|MinTTL|DefaultTTL):/m.test(
          f.remediation.snippet ?? '',
        ),
      )
      .map(({ f }) => `${f.file}:${f.line} ${f.ruleId} [${f.findingId}]`);
    expect(offenders).toEqual([]);
  });
});
