// CL003 on a partial no-store policy, end to end through scan(): Kong's response-transformer decides `replace` and
// `add` on the upstream's headers as they arrived (docs/platforms/kong.md#response-transformer), so only replace + add
// reaches every response; CloudFront's `Override: false` keeps the origin's header
// (docs/platforms/cloudfront.md#response-headers-policy). The model side: test/sources/kong/plugins.test.ts,
// test/sources/cloudformation/cloudfront-values.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../lib/engine';
import type { Finding } from '../../lib/findings';

function scanText(fileName: string, text: string): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-cl003-'));
  try {
    writeFileSync(join(dir, fileName), text);
    const result = scan([fileName], { cwd: dir });
    expect(result.errors).toEqual([]);
    return result.findings.filter((f) => f.ruleId === 'CL003');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('Kong response-transformer', () => {
  /** A write route behind proxy-cache; `config` is the route-level transformer's config (lines under `config:`). */
  const kong = (config: string[], plugin = 'response-transformer', extra: string[] = []) =>
    lines(
      '_format_version: "3.0"',
      'services:',
      '  - name: billing',
      '    url: http://billing.internal:8080',
      ...extra,
      '    routes:',
      '      - name: orders',
      '        paths: [/orders]',
      '        methods: [GET, POST]',
      '        plugins:',
      `          - name: ${plugin}`,
      '            config:',
      ...config.map((c) => `              ${c}`),
      'plugins:',
      '  - name: proxy-cache',
      '    config: { strategy: memory, cache_control: true }',
    );
  const headers = (op: string, entry = 'Cache-Control:no-store') => [`${op}:`, `  headers: ["${entry}"]`];

  test.each([
    ['add only', headers('add'), 'replace.headers', /responses whose upstream sends a Cache-Control keep the upstream's value/],
    ['add only, a space after the colon', headers('add', 'Cache-Control: no-store'), 'replace.headers', /keep the upstream's value/],
    ['replace only', headers('replace'), 'add.headers', /responses whose upstream sends no Cache-Control leave without one/],
    [
      'remove + add',
      ['remove:', '  headers: [Cache-Control]', ...headers('add')],
      'replace.headers',
      /responses whose upstream sends a Cache-Control leave with none at all/,
    ],
  ])('%s: one CL003 on the transformer entry, naming the missing half and the responses it misses', (_, config, missing, leaves) => {
    const f = scanText('kong.yaml', kong(config));
    expect(f).toHaveLength(1);
    const entryLine = 12 + config.findIndex((c) => c.includes('Cache-Control:') || c.includes('Cache-Control: '));
    expect(f[0]).toMatchObject({ line: entryLine, findingId: 'orders', route: 'GET,POST /orders' });
    expect(f[0]).toMatchObject({ messageId: 'partial', data: { setting: 'response-transformer (route orders)', missing } });
    expect(f[0].data?.leaves).toMatch(leaves);
    expect(f[0].remediation.summary).toMatch(/^Set both replace\.headers and add\.headers to Cache-Control:no-store in response-transformer \(route orders\)/);
    expect(f[0].remediation.summary).toContain('put the writes on their own route');
    expect(f[0].remediation.snippet).toBe(
      [
        '- name: response-transformer',
        '  config:',
        '    replace:',
        '      headers: ["Cache-Control:no-store"]',
        '    add:',
        '      headers: ["Cache-Control:no-store"]',
      ].join('\n'),
    );
  });

  test.each([
    ['replace + add', [...headers('replace'), ...headers('add')]],
    ['replace + add, a space after the colon', [...headers('replace', 'Cache-Control: no-store'), ...headers('add', 'Cache-Control: no-store')]],
    ['remove + replace + add', ['remove:', '  headers: [Cache-Control]', ...headers('replace'), ...headers('add')]],
  ])('%s: safe, no CL003', (_, config) => {
    expect(scanText('kong.yaml', kong(config))).toEqual([]);
  });

  test('response-transformer-advanced: the same halves, and its own name in the fix', () => {
    const [f] = scanText('kong.yaml', kong(headers('add'), 'response-transformer-advanced'));
    expect(f).toMatchObject({ messageId: 'partial', data: { setting: 'response-transformer-advanced (route orders)', missing: 'replace.headers' } });
    expect(f.remediation.snippet).toMatch(/^- name: response-transformer-advanced\n/);
    expect(scanText('kong.yaml', kong([...headers('replace'), ...headers('add')], 'response-transformer-advanced'))).toEqual([]);
  });

  test('precedence: the route-level transformer decides, not the service-level one', () => {
    const serviceBoth = [
      '    plugins:',
      '      - name: response-transformer',
      '        config: { replace: { headers: ["Cache-Control:no-store"] }, add: { headers: ["Cache-Control:no-store"] } }',
    ];
    const [f] = scanText('kong.yaml', kong(headers('add'), 'response-transformer', serviceBoth));
    expect(f).toMatchObject({ messageId: 'partial', data: { setting: 'response-transformer (route orders)', missing: 'replace.headers' } });
    const serviceAddOnly = ['    plugins:', '      - name: response-transformer', '        config: { add: { headers: ["Cache-Control:no-store"] } }'];
    expect(scanText('kong.yaml', kong([...headers('replace'), ...headers('add')], 'response-transformer', serviceAddOnly))).toEqual([]);
  });

  test('reported next to CL001: the cache and the transformer are different settings', () => {
    const text = kong(headers('add')).replace('cache_control: true }', 'cache_control: true, request_method: [GET, HEAD, POST] }');
    expect(scanText('kong.yaml', text)).toHaveLength(1);
  });

  test('Kong Ingress: the fix is a KongPlugin', () => {
    const text = lines(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongPlugin',
      'metadata: { name: no-store, namespace: billing }',
      'plugin: response-transformer',
      'config:',
      '  add:',
      '    headers: ["Cache-Control:no-store"]',
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: stripe-webhooks',
      '  namespace: billing',
      '  annotations: { konghq.com/methods: "POST", konghq.com/plugins: no-store }',
      'spec:',
      '  ingressClassName: kong',
      '  rules:',
      '    - http:',
      '        paths:',
      '          - path: /webhooks/stripe',
      '            pathType: Prefix',
      '            backend: { service: { name: billing, port: { number: 80 } } }',
    );
    const [f] = scanText('manifests.yaml', text);
    expect(f).toMatchObject({ line: 7 });
    expect(f.message).toContain('has no replace.headers');
    expect(f.remediation.snippet).toMatch(
      /^apiVersion: configuration\.konghq\.com\/v1\nkind: KongPlugin\n[\s\S]* {2}replace:\n {4}headers: \["Cache-Control:no-store"\]\n {2}add:\n {4}headers: \["Cache-Control:no-store"\]$/,
    );
  });
});

describe('CloudFront response headers policy', () => {
  const cfn = (override: string) =>
    lines(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Cdn:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        Origins:',
      '          - { Id: api, DomainName: api.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: api',
      '          ViewerProtocolPolicy: https-only',
      '          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      '          ResponseHeadersPolicyId: !Ref NoStore',
      '  NoStore:',
      '    Type: AWS::CloudFront::ResponseHeadersPolicy',
      '    Properties:',
      '      ResponseHeadersPolicyConfig:',
      '        Name: api-no-store',
      '        CustomHeadersConfig:',
      '          Items:',
      '            - Header: Cache-Control',
      '              Value: no-store',
      `              Override: ${override}`,
    );

  test('CloudFormation, Override: false: CL003 on the Override, with the Override: true fix', () => {
    const f = scanText('template.yaml', cfn('false'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 25, column: 15, platform: 'cloudfront' });
    expect(f[0].message).toContain(
      "its Cache-Control: no-store is partial: ResponseHeadersPolicy NoStore has no Override: true, so responses whose origin sends a Cache-Control keep the origin's value",
    );
    expect(f[0].remediation.summary).toMatch(/^Set Override: true on the Cache-Control custom header of ResponseHeadersPolicy NoStore/);
    expect(f[0].remediation.summary).toContain('move the write paths to their own behaviour');
    expect(f[0].remediation.snippet).toBe('CustomHeadersConfig:\n  Items:\n    - Header: Cache-Control\n      Value: no-store\n      Override: true');
  });

  test('CloudFormation, Override: true: safe', () => {
    expect(scanText('template.yaml', cfn('true'))).toEqual([]);
  });

  /** The same distribution as cdk synth writes it (construct paths in Metadata): the CDK flavour. */
  const cdk = (override: boolean) =>
    JSON.stringify(
      {
        Resources: {
          CdnE2B9E46C: {
            Type: 'AWS::CloudFront::Distribution',
            Properties: {
              DistributionConfig: {
                Enabled: true,
                Origins: [{ Id: 'DemoCdnOrigin1', DomainName: 'api.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
                DefaultCacheBehavior: {
                  TargetOriginId: 'DemoCdnOrigin1',
                  ViewerProtocolPolicy: 'allow-all',
                  AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
                  CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
                  ResponseHeadersPolicyId: { Ref: 'NoStore1A2B3C4D' },
                },
              },
            },
            Metadata: { 'aws:cdk:path': 'Demo/Cdn/Resource' },
          },
          NoStore1A2B3C4D: {
            Type: 'AWS::CloudFront::ResponseHeadersPolicy',
            Properties: {
              ResponseHeadersPolicyConfig: {
                Name: 'DemoNoStore',
                CustomHeadersConfig: { Items: [{ Header: 'Cache-Control', Override: override, Value: 'no-store' }] },
              },
            },
            Metadata: { 'aws:cdk:path': 'Demo/NoStore/Resource' },
          },
        },
      },
      null,
      1,
    );

  test('CDK, override: false: CL003 on the policy construct, with the override: true fix in CDK code', () => {
    const f = scanText('Demo.template.json', cdk(false));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ constructPath: 'Demo/NoStore/Resource' });
    expect(f[0].message).toContain('ResponseHeadersPolicy NoStore1A2B3C4D has no Override: true');
    expect(f[0].remediation.summary).toMatch(/^Set override: true on the Cache-Control custom header/);
    expect(f[0].remediation.snippet).toBe("customHeadersBehavior: {\n  customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: true }],\n},");
  });

  test('CDK, override: true: safe', () => {
    expect(scanText('Demo.template.json', cdk(true))).toEqual([]);
  });
});
