// Builders for model-level rule tests: each rule is tested against the model, independent of any adapter.
import type { CacheLayer, ConfigFact, Endpoint, Method, Model, SourceLocation } from '../../lib/model';
import { ALL_METHODS, known, unknown } from '../../lib/model';
import type { Finding } from '../../lib/findings';
import { evaluate } from '../../lib/engine';
import type { Config } from '../../lib/config';
import { defaultConfig } from '../../lib/config';

export const at = (line: number, file = 'test.yaml'): SourceLocation => ({ file, line, column: 1 });
export { known, unknown };

export function layer(overrides: Partial<CacheLayer> = {}): CacheLayer {
  return {
    kind: 'kong-proxy-cache',
    name: 'proxy-cache (global)',
    at: at(10),
    scope: 'global',
    cachedMethods: known<Method[]>(['GET', 'HEAD']),
    ttl: known({ min: 0, default: 300, max: 300 }),
    honorsOriginNoStore: known(true),
    key: known<string[]>([]),
    keyIncludesIdentity: known(true),
    details: { plugin: 'proxy-cache' },
    ...overrides,
  };
}

export function endpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    platform: 'kong',
    resource: 'svc/webhooks',
    route: 'ANY /webhooks',
    findingId: 'webhooks',
    methods: known<Method[]>([...ALL_METHODS]),
    paths: ['/api'],
    at: at(5),
    caches: [],
    noStore: known(undefined),
    flavor: 'kong',
    ...overrides,
  };
}

/** A CL008 fact (POST /orders, a path the API has only GET on) unless overridden; unresolved-setting needs `reason` and `blocks`. */
export function fact(overrides: Partial<ConfigFact> = {}): ConfigFact {
  return {
    kind: 'ineffective-method-setting',
    resource: 'Stage',
    route: 'POST /orders',
    findingId: '/orders/POST',
    at: at(20, 'template.yaml'),
    setting: { rawPath: '/~1orders', rawMethod: 'POST', stage: 'prod', path: '/orders', method: 'POST', caching: true },
    reason: { kind: 'path-not-in-api', api: 'Api', methodsOnPath: ['GET'] },
    flavor: 'cloudformation',
    platform: 'apigateway',
    ...overrides,
  } as ConfigFact;
}

export const noStore = () => known({ cacheControl: 'no-store', at: at(30), source: 'response-transformer' });

export function run(endpoints: Endpoint[], facts: ConfigFact[] = [], config: Partial<Config> = {}): Finding[] {
  const model: Model = { file: 'test.yaml', endpoints, facts };
  return evaluate([model], { config: { ...defaultConfig(), ...config } });
}

export const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
export const only = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);
