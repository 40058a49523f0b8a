// The KongState API the Kong Ingress adapter builds on: a state made by hand (no decK file) goes through
// buildKongModel with flavor 'kong-ingress', precedence and plugin semantics unchanged.
import { evaluate } from '../../../lib/engine';
import { defaultConfig } from '../../../lib/config';
import { known, unknown, type SourceLocation } from '../../../lib/model';
import {
  buildKongModel,
  LayeredPluginConfig,
  OpaquePluginConfig,
  type KongPlugin,
  type KongRoute,
  type KongService,
  type KongState,
} from '../../../lib/sources/kong';

const at = (line: number, column = 1): SourceLocation => ({ file: 'manifests.yaml', line, column });
const locatorAt = (line: number) => (sub: readonly (string | number)[]) => at(line + sub.length, 3);

const service: KongService = { kind: 'service', key: 'svc', label: 'default/orders', at: at(1) };
const route = (key: string, methods: string[] | undefined, line: number): KongRoute => ({
  kind: 'route',
  key,
  label: `default/${key}`,
  findingId: `default/${key}`,
  service,
  methods: methods ? known(methods as never) : known(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']),
  paths: [`/${key}`],
  at: at(line),
});
const plugin = (
  name: string,
  key: string,
  scope: KongPlugin['scope'],
  config: Record<string, unknown> | 'opaque',
  line: number,
  enabled = true,
): KongPlugin => ({
  name,
  key,
  scope,
  enabled: known(enabled),
  at: at(line),
  enabledAt: at(line + 1),
  config:
    config === 'opaque'
      ? new OpaquePluginConfig('config comes from Secret default/cache-config (configFrom)', () => at(line + 2))
      : new LayeredPluginConfig(config, locatorAt(line)),
});

describe('buildKongModel with a hand-made KongState (Kong Ingress flavour)', () => {
  const writes = route('writes', ['POST'], 10);
  const reads = route('reads', ['GET'], 20);
  const state: KongState = {
    services: [service],
    routes: [writes, reads],
    consumers: [],
    consumerGroups: [],
    plugins: [
      plugin('proxy-cache', 'KongPlugin default/cache-all', { service }, { request_method: ['GET', 'POST'], cache_control: true }, 30),
      plugin('proxy-cache', 'KongPlugin default/cache-reads', { route: reads }, { request_method: ['GET'] }, 40, false),
      plugin('key-auth', 'KongPlugin default/auth', { service }, {}, 50),
    ],
    facts: [],
  };

  it('one endpoint per route, flavor kong-ingress, service-scoped cache; the disabled route instance does not shadow', () => {
    const model = buildKongModel(state, { file: 'manifests.yaml', flavor: 'kong-ingress' });
    expect(model.endpoints.map((e) => [e.findingId, e.resource, e.route, e.flavor])).toEqual([
      ['default/writes', 'default/orders/default/writes', 'POST /writes', 'kong-ingress'],
      ['default/reads', 'default/orders/default/reads', 'GET /reads', 'kong-ingress'],
    ]);
    const [w, r] = model.endpoints;
    expect(w.caches[0]).toMatchObject({ scope: 'service', cachedMethods: known(['GET', 'POST']), keyIncludesIdentity: known(true) });
    expect(w.caches[0].at).toEqual(at(31, 3)); // request_method, through the locator
    expect(w.identity).toEqual(['key-auth']);
    // A hand-made plugin with no `resource` is identified by name and scope (the KIC adapter sets the KongPlugin id).
    expect(r.inertCacheInstances).toEqual([{ name: 'proxy-cache', id: 'proxy-cache@route:default/reads', scope: 'route', at: at(41) }]);

    const findings = evaluate([model], { config: defaultConfig() });
    const cl001 = findings.find((f) => f.ruleId === 'CL001')!;
    expect([cl001.findingId, cl001.line, cl001.routes]).toEqual(['proxy-cache@service:default/orders', 31, ['default/writes']]);
    expect(cl001.remediation.snippet).toMatch(/^config:\n {2}request_method: \[GET\]/); // the KongPlugin config block
    expect(findings.filter((f) => f.ruleId === 'CL009').map((f) => [f.findingId, f.routes])).toEqual([['proxy-cache@route:default/reads', ['default/reads']]]);
  });

  it('a config that cannot be read (configFrom a Secret) makes the layer unknown, never safe', () => {
    const s: KongState = { ...state, plugins: [plugin('proxy-cache', 'KongPlugin default/secret-cache', { service }, 'opaque', 60)] };
    const [w] = buildKongModel(s, { file: 'manifests.yaml', flavor: 'kong-ingress' }).endpoints;
    expect(w.caches[0].cachedMethods).toEqual(unknown(expect.stringContaining('Secret default/cache-config') as unknown as string, at(62)));
    const findings = evaluate([buildKongModel(s, { file: 'manifests.yaml', flavor: 'kong-ingress' })], { config: defaultConfig() });
    expect(findings.some((f) => f.ruleId === 'CL006' && f.findingId === 'proxy-cache@service:default/orders' && f.line === 62)).toBe(true);
  });

  it('facts keep their content and take the flavour of the build', () => {
    const s: KongState = {
      ...state,
      facts: [
        {
          kind: 'unresolved-setting',
          resource: 'x',
          route: 'plugin x',
          findingId: 'x',
          at: at(70),
          reason: { kind: 'plugin-scope', plugin: 'plugin x', why: 'm' },
          blocks: ['CL001'],
          flavor: 'kong',
          platform: 'kong',
        },
      ],
    };
    expect(buildKongModel(s, { file: 'manifests.yaml', flavor: 'kong-ingress' }).facts[0]).toMatchObject({ flavor: 'kong-ingress', findingId: 'x' });
  });
});
