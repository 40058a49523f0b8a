import type { Rule, RuleHit } from '../lib/findings';
import type { CacheLayer, Endpoint } from '../lib/model';
import { apiPathAndMethod, cachedHere, isKongCache, kongConfigSnippet, kongPluginRef, unsafeCached, where } from './helpers';

// A cache key that leaves out an input which selects the response serves one caller's (or one id's) answer to
// everyone: `?department=B` gets department A, user B gets user A's account.
export const CL004: Rule = {
  id: 'CL004',
  name: 'cache-key-incomplete',
  severity: 'warning',
  summary: "A cached method's key omits a request input that selects the response (a path or query parameter, or the caller's identity).",
  rationale:
    'API Gateway keys only on the parameters listed in CacheKeyParameters; undeclared path and query parameters share one entry. ' +
    'Kong proxy-cache without an authenticated consumer, without cache_control and without Authorization in vary_headers shares entries across callers.',
  docs: 'docs/rules/CL004.md',
  remediation: {
    kong: 'Add an auth plugin (the key then includes the consumer), or `config.vary_headers: [Authorization]`, or `config.cache_control: true` (requests with Authorization bypass the cache).',
    'kong-ingress': 'In the KongPlugin: add an auth plugin to the route, or `config.vary_headers: [Authorization]`, or `config.cache_control: true`.',
    cloudformation: 'Add the parameters to `Integration.CacheKeyParameters` (and `RequestParameters`).',
    cdk: 'Add them to `cacheKeyParameters` of the integration and `requestParameters` of the method.',
  },
  check(endpoint: Endpoint, context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const layer of endpoint.caches) {
      // Cached writes are CL001's root cause (its fix stops caching them): judge the key on the reads only.
      const writes = context.enabled('CL001') ? unsafeCached(endpoint, layer) : [];
      const cached = cachedHere(endpoint, layer)?.filter((m) => !writes.includes(m));
      if (!cached || cached.length === 0) continue;
      const missing = layer.keyMissing ?? [];
      const sharesCallers = layer.keyIncludesIdentity.known && !layer.keyIncludesIdentity.value;
      if (missing.length === 0 && !sharesCallers) continue;
      const parts: string[] = [];
      if (missing.length) parts.push(`leaves ${missing.join(', ')} out of the key: one cached response is returned for every value`);
      if (sharesCallers) parts.push("does not separate callers: one caller's cached response can be served to another");
      hits.push({
        at: layer.at,
        findingId: endpoint.findingId + (layer.details?.findingSuffix ?? ''),
        message: `${where(layer, endpoint)} caches ${cached.join('/')} on ${endpoint.route} but ${parts.join('; and ')}.`,
        remediation: remediationFor(endpoint, layer, missing, sharesCallers),
      });
    }
    return hits;
  },
};

function remediationFor(endpoint: Endpoint, layer: CacheLayer, missing: string[], sharesCallers: boolean) {
  if (isKongCache(layer)) {
    return {
      summary: `On ${kongPluginRef(layer)}: put the caller in the key — add an auth plugin to the route (the key then includes the consumer) or config.vary_headers: [Authorization]; or set config.cache_control: true so requests carrying Authorization bypass the cache.`,
      snippet: kongConfigSnippet(endpoint.flavor, layer.details?.plugin ?? 'proxy-cache', ['vary_headers: [Authorization]', 'cache_control: true']),
    };
  }
  const params = [...missing, ...(sharesCallers ? ['method.request.header.Authorization'] : [])];
  if (endpoint.flavor === 'cdk') {
    const { path, method } = apiPathAndMethod(endpoint);
    return {
      summary: `Add ${params.join(', ')} to cacheKeyParameters of the ${method} ${path} integration (and to the method's requestParameters).`,
      snippet: `requestParameters: { ${params.map((p) => `'${p}': true`).join(', ')} },\n// integration options:\ncacheKeyParameters: [${params.map((p) => `'${p}'`).join(', ')}],`,
    };
  }
  return {
    summary: `Add ${params.join(', ')} to Integration.CacheKeyParameters and Method RequestParameters.`,
    snippet: `RequestParameters:\n${params.map((p) => `  ${p}: true`).join('\n')}\nIntegration:\n  CacheKeyParameters:\n${params.map((p) => `    - ${p}`).join('\n')}`,
  };
}
