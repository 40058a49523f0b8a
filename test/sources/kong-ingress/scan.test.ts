// The scan-level behaviour of Kong Ingress manifests: references across files of one scan, references no scanned file
// satisfies, and Helm/Go templates (reported before any YAML parsing).
import { docs, ingress, kongPlugin, scanFiles, yaml } from './helpers';

const CACHE_POST = ['strategy: memory', 'request_method: [GET, HEAD, POST]'];

describe('references across files', () => {
  const files = {
    'k8s/plugins.yaml': kongPlugin('cache', 'proxy-cache', CACHE_POST),
    'k8s/ingress.yaml': ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache']),
  };

  it('a directory scan resolves a KongPlugin defined in another file; findings point at each file', () => {
    const { result, routed, byId } = scanFiles(files);
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => [f.file, f.status, f.format])).toEqual([
      ['k8s/ingress.yaml', 'scanned', 'kong-ingress'],
      ['k8s/plugins.yaml', 'scanned', 'kong-ingress'],
    ]);
    const e = byId('Ingress shop/orders /orders');
    expect([e.at.file, e.at.line, e.caches[0].at.file, e.caches[0].at.line]).toEqual(['k8s/ingress.yaml', 13, 'k8s/plugins.yaml', 9]);
    const orders = ['Ingress shop/orders /orders'];
    expect(routed).toEqual([
      // The missing no-store is the route's (its fix is on the Ingress): CL003 in the route's file, beside CL001.
      ['CL003', 'Ingress shop/orders /orders', 'k8s/ingress.yaml', 13, orders],
      ['CL001', 'shop/KongPlugin/cache', 'k8s/plugins.yaml', 9, orders],
      ['CL004', 'shop/KongPlugin/cache#identity', 'k8s/plugins.yaml', 9, orders], // cached GETs shared by every caller (no auth): info
    ]);
    // The message names the cache's file, since the route is elsewhere.
    expect(result.findings.find((f) => f.ruleId === 'CL001')!.message).toContain('(k8s/plugins.yaml:9)');
    // Each endpoint is in the model of its own file.
    expect(result.models?.map((m) => [m.file, m.endpoints.length])).toEqual([
      ['k8s/ingress.yaml', 1],
      ['k8s/plugins.yaml', 0],
    ]);
  });

  it('files named together on the command line resolve each other too', () => {
    const { result, hits } = scanFiles(files, ['k8s/ingress.yaml', 'k8s/plugins.yaml']);
    expect(result.errors).toEqual([]);
    expect(hits.map((h) => h[0])).toEqual(['CL003', 'CL001', 'CL004']);
  });

  it('a global KongClusterPlugin in one file covers the routes of every file of the scan', () => {
    const global = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongClusterPlugin',
      'metadata:',
      '  name: cache',
      '  labels: { global: "true" }',
      'plugin: proxy-cache',
      'config: { request_method: [POST] }',
    );
    const { routed } = scanFiles({
      'a/global.yaml': global,
      'b/ingress.yaml': ingress('orders', '/orders', 'orders'),
      'c/other.yaml': ingress('other', '/other', 'other', [], 'ops'),
    });
    // One KongClusterPlugin, one CL001 listing the routes of both files; CL003 stays on each route, in its file.
    expect(routed).toEqual([
      ['CL001', 'KongClusterPlugin/cache', 'a/global.yaml', 7, ['Ingress shop/orders /orders', 'Ingress ops/other /other']],
      ['CL003', 'Ingress shop/orders /orders', 'b/ingress.yaml', 11, ['Ingress shop/orders /orders']],
      ['CL003', 'Ingress ops/other /other', 'c/other.yaml', 11, ['Ingress ops/other /other']],
    ]);
  });

  it('a definition in the referring file wins over one of the same name elsewhere (bad/fixed twins in one folder)', () => {
    const bad = docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache']));
    const fixed = docs(
      kongPlugin('cache', 'proxy-cache', ['request_method: [GET, HEAD]', 'cache_control: true']),
      ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache', 'konghq.com/methods: GET']),
    );
    const { hits } = scanFiles({ 'x.bad.yaml': bad, 'x.fixed.yaml': fixed });
    expect(hits).toEqual([
      ['CL001', 'shop/KongPlugin/cache', 'x.bad.yaml', 9],
      ['CL004', 'shop/KongPlugin/cache#identity', 'x.bad.yaml', 9],
      ['CL003', 'Ingress shop/orders /orders', 'x.bad.yaml', 23],
    ]);
  });
});

describe('a plugin reference no scanned file defines', () => {
  it('is a located input error on the annotation (exit 2), and the rest of the file is still judged', () => {
    const text = docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), ingress('orders', '/orders', 'orders', ['konghq.com/plugins: "cache, rate-limit"']));
    const { result, hits } = scanFiles({ 'm.yaml': text });
    expect(result.errors.map((e) => [e.file, e.line, e.column, e.code])).toEqual([['m.yaml', 17, 5, 'unresolved-reference']]);
    expect(result.errors[0].message).toBe(
      'konghq.com/plugins on shop/Ingress/orders names plugin "rate-limit", but no scanned file defines KongPlugin shop/rate-limit or KongClusterPlugin rate-limit: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)',
    );
    expect(result.files.map((f) => f.status)).toEqual(['error']);
    expect(hits.map((h) => h[0])).toEqual(['CL001', 'CL004', 'CL003']);
  });

  it('the Ingress scanned without the file that defines its plugin: the error names the missing KongPlugin', () => {
    const { result } = scanFiles(
      { 'plugins.yaml': kongPlugin('cache', 'proxy-cache', CACHE_POST), 'ingress.yaml': ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache']) },
      ['ingress.yaml'],
    );
    expect(result.errors.map((e) => [e.file, e.line, e.code])).toEqual([['ingress.yaml', 7, 'unresolved-reference']]);
  });

  it('an ExtensionRef to a missing KongPlugin is located at the extensionRef', () => {
    const route = yaml(
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata: { name: hooks, namespace: shop }',
      'spec:',
      '  rules:',
      '    - matches: [{ path: { type: PathPrefix, value: /webhooks } }]',
      '      filters:',
      '        - type: ExtensionRef',
      '          extensionRef: { group: configuration.konghq.com, kind: KongPlugin, name: missing }',
    );
    const { result } = scanFiles({ 'route.yaml': route });
    expect(result.errors.map((e) => [e.line, e.column, e.code, e.message])).toEqual([
      [9, 11, 'unresolved-reference', expect.stringContaining('filter ExtensionRef on shop/HTTPRoute/hooks names KongPlugin shop/missing')],
    ]);
  });
});

describe('Helm/Go templates', () => {
  const template = yaml(
    'apiVersion: configuration.konghq.com/v1',
    'kind: KongPlugin',
    'metadata:',
    '  name: {{ .Release.Name }}-cache',
    'plugin: proxy-cache',
    'config:',
    '  request_method: {{ toYaml .Values.methods }}',
  );

  it('a templated Kong manifest is an error at the first {{ telling to render it; never parsed', () => {
    const { result } = scanFiles({ 'chart/templates/plugin.yaml': template });
    expect(result.errors).toEqual([
      {
        file: 'chart/templates/plugin.yaml',
        line: 4,
        column: 9,
        code: 'template',
        message:
          'this file is a Helm/Go template ({{ … }}), not a manifest: render it first, e.g. `helm template <release> <chart> --output-dir rendered/`, and scan the rendered manifests',
      },
    ]);
    expect(result.files.map((f) => f.status)).toEqual(['error']);
  });

  it('even when the template would parse as YAML (a quoted action), and with `{{-` on a line of its own', () => {
    const quoted = yaml(
      '{{- if .Values.cache }}',
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongPlugin',
      'metadata: { name: "{{ .Values.name }}" }',
      'plugin: proxy-cache',
      '{{- end }}',
    );
    const { result } = scanFiles({ 'p.yaml': quoted });
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[1, 1, 'template']]);
  });

  it('an Ingress template without Kong markers is still reported (Kong could serve it)', () => {
    const ing = ingress('orders', '/orders', '{{ .Values.service }}');
    expect(scanFiles({ 'ing.yaml': ing }).result.errors.map((e) => [e.line, e.code])).toEqual([[15, 'template']]);
  });

  it('another templated Kubernetes file is skipped with the reason; named, it is an error', () => {
    const svc = yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: {{ .Release.Name }}', 'spec: {}');
    const walked = scanFiles({ 'svc.yaml': svc, 'p.yaml': kongPlugin('x', 'key-auth') });
    expect(walked.result.files.find((f) => f.file === 'svc.yaml')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('helm template') });
    expect(walked.result.errors).toEqual([]);
    const named = scanFiles({ 'svc.yaml': svc }, ['svc.yaml']);
    expect(named.result.errors.map((e) => [e.file, e.code])).toEqual([['svc.yaml', 'unknown-format']]);
  });

  it('decK env placeholders ${{ env "DECK_X" }}, CloudFormation {{resolve:…}} and {{ in comments are not templates', () => {
    const deck = yaml('_format_version: "3.0"', 'services:', '  - name: s', '    url: ${{ env "DECK_URL" }}', '    routes: [{ name: r, paths: [/r] }]');
    const commented = docs(kongPlugin('x', 'key-auth'), '# render with {{ .Values }} later\n' + ingress('o', '/o', 'o', ['konghq.com/plugins: x']));
    const cfn = yaml(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  P:',
      '    Type: AWS::SSM::Parameter',
      '    Properties: { Type: String, Value: "{{resolve:ssm:/x}}" }',
    );
    const { result } = scanFiles({ 'kong.yaml': deck, 'm.yaml': commented, 'cfn.yaml': cfn });
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => [f.file, f.status, f.format])).toEqual([
      ['cfn.yaml', 'scanned', 'cloudformation'],
      ['kong.yaml', 'scanned', 'kong'],
      ['m.yaml', 'scanned', 'kong-ingress'],
    ]);
  });
});
