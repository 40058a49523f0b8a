// Content sniffing: claim Kong state files (with or without _format_version), never other YAML with similar keys.
import { detect, load, yaml } from './helpers';

describe('detect', () => {
  it.each([
    ['_format_version', yaml('_format_version: "3.0"')],
    ['_format_version 1.1 with services', yaml('_format_version: "1.1"', 'services: []')],
    ['split file: services with routes, no _format_version', yaml('services:', '  - name: a', '    url: http://a', '    routes: [{ name: r, paths: [/r] }]')],
    ['split file: routes only', yaml('routes:', '  - name: r', '    service: a', '    paths: [/r]')],
    ['split file: plugins only', yaml('plugins:', '  - name: proxy-cache', '    config: { strategy: memory }')],
    ['split file: consumers only', yaml('consumers:', '  - username: alice', '    keyauth_credentials: [{ key: k }]')],
    ['decK _plugin_configs file', yaml('_plugin_configs:', '  c: { cache_ttl: 5 }')],
    ['split file: consumer groups only', yaml('consumer_groups:', '  - name: gold', '    plugins: [{ name: rate-limiting-advanced }]')],
    ['a decK patch file (deck file patch)', yaml('_format_version: "1.0"', 'patches:', '  - selectors: [$]', '    values: {}')],
    [
      'a decK add-plugins file (deck file add-plugins)',
      yaml('_format_version: "3.0"', 'add-plugins:', '  - selectors: ["$..services[*]"]', '    plugins: [{ name: cors }]'),
    ],
    ['a decK patch file without _format_version', yaml('patches:', '  - selectors: ["$..routes[*]"]', '    remove: [methods]')],
    ['a decK add-plugins file without _format_version', yaml('add-plugins:', '  - plugins: [{ name: cors }]')],
  ])('claims %s', (_, text) => expect(detect(text)).toBe(true));

  it.each([
    ['a Kubernetes KongPlugin', yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongPlugin', 'metadata: { name: c }', 'plugin: proxy-cache')],
    ['a CloudFormation template', yaml('AWSTemplateFormatVersion: "2010-09-09"', 'Resources: {}')],
    ['a SAM template with only Resources', yaml('Resources:', '  Fn: { Type: AWS::Serverless::Function }')],
    ['an OpenAPI document', yaml('openapi: 3.0.0', 'paths: {}', 'x-kong-plugin-proxy-cache: {}')],
    ['a docker-compose file', yaml('version: "3.8"', 'services:', '  kong:', '    image: kong:3.6')],
    ['a serverless.yml plugins list', yaml('service: api', 'plugins:', '  - serverless-offline')],
    ['an eslint-like plugins list of mappings', yaml('plugins:', '  - name: react')],
    ['kustomize patches without apiVersion', yaml('resources: [deploy.yaml]', 'patches:', '  - path: patch.yaml', '    target: { kind: Deployment }')],
    [
      'kustomize patches with selectors-like keys and a target',
      yaml('patches:', '  - patch: "- op: remove"', '    target: { kind: Service }', '    values: {}'),
    ],
    ['patches that is not a list of mappings', yaml('patches:', '  - a.diff')],
    ['a list document', yaml('- name: a')],
    ['an empty mapping', yaml('{}')],
    ['a consumer_groups list of other things', yaml('consumer_groups:', '  - name: gold', '    members: 3')],
    ['a consumer_groups list without names', yaml('consumer_groups:', '  - consumers: [a]')],
    ['a services list whose items are not all mappings', yaml('services:', '  - url: http://a', '  - just text')],
  ])('does not claim %s', (_, text) => expect(detect(text)).toBe(false));
});

describe('size', () => {
  it('10,000 services with a global cache convert route by route (maps, not route × plugin scans)', () => {
    const lines = ['_format_version: "3.0"', 'services:'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(
        `  - name: s${i}`,
        `    url: http://s${i}`,
        '    routes:',
        `      - name: r${i}`,
        `        paths: [/r${i}]`,
        '    plugins:',
        '      - name: rate-limiting',
        '        config: { minute: 5 }',
      );
    }
    lines.push('plugins:', '  - name: proxy-cache', '    config: { request_method: [GET, POST] }');
    const { endpoints } = load(yaml(...lines));
    expect(endpoints).toHaveLength(10_000);
    expect(endpoints[9_999].caches[0].at.line).toBe(lines.length);
    // Identical layers are shared, not rebuilt per route.
    expect(endpoints[0].caches[0]).toBe(endpoints[9_999].caches[0]);
  });
});
