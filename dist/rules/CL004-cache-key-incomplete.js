"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL004 = void 0;
const helpers_1 = require("./helpers");
// A cache key that leaves out an input which selects the response serves one caller's (or one id's) answer to
// everyone: `?department=B` gets department A, user B gets user A's account.
exports.CL004 = {
    id: 'CL004',
    name: 'cache-key-incomplete',
    severity: 'warning',
    summary: "A cached method's key omits a request input that selects the response (a path or query parameter, or the caller's identity).",
    rationale: 'API Gateway keys only on the parameters listed in CacheKeyParameters; undeclared path and query parameters share one entry. ' +
        'Kong proxy-cache without an authenticated consumer, without cache_control and without Authorization in vary_headers shares entries across callers.',
    docs: 'docs/rules/CL004.md',
    remediation: {
        kong: 'Add an auth plugin (the key then includes the consumer), or `config.vary_headers: [Authorization]`, or `config.cache_control: true` (requests with Authorization bypass the cache).',
        'kong-ingress': 'In the KongPlugin: add an auth plugin to the route, or `config.vary_headers: [Authorization]`, or `config.cache_control: true`.',
        cloudformation: 'Add the parameters to `Integration.CacheKeyParameters` (and `RequestParameters`).',
        cdk: 'Add them to `cacheKeyParameters` of the integration and `requestParameters` of the method.',
    },
    check(endpoint, context) {
        const hits = [];
        for (const layer of endpoint.caches) {
            // Cached writes are CL001's root cause (its fix stops caching them): judge the key on the reads only.
            const writes = context.enabled('CL001') ? (0, helpers_1.unsafeCached)(endpoint, layer) : [];
            const cached = (0, helpers_1.cachedHere)(endpoint, layer)?.filter((m) => !writes.includes(m));
            if (!cached || cached.length === 0)
                continue;
            const missing = layer.keyMissing ?? [];
            const sharesCallers = layer.keyIncludesIdentity.known && !layer.keyIncludesIdentity.value;
            if (missing.length === 0 && !sharesCallers)
                continue;
            const parts = [];
            if (missing.length)
                parts.push(`leaves ${missing.join(', ')} out of the key: one cached response is returned for every value`);
            if (sharesCallers)
                parts.push("does not separate callers: one caller's cached response can be served to another");
            hits.push({
                at: layer.at,
                findingId: endpoint.findingId + (layer.details?.findingSuffix ?? ''),
                message: `${(0, helpers_1.where)(layer, endpoint)} caches ${cached.join('/')} on ${endpoint.route} but ${parts.join('; and ')}.`,
                remediation: remediationFor(endpoint, layer, missing, sharesCallers),
            });
        }
        return hits;
    },
};
function remediationFor(endpoint, layer, missing, sharesCallers) {
    if ((0, helpers_1.isKongCache)(layer)) {
        return {
            summary: `On ${(0, helpers_1.kongPluginRef)(layer)}: put the caller in the key — add an auth plugin to the route (the key then includes the consumer) or config.vary_headers: [Authorization]; or set config.cache_control: true so requests carrying Authorization bypass the cache.`,
            snippet: (0, helpers_1.kongConfigSnippet)(endpoint.flavor, layer.details?.plugin ?? 'proxy-cache', ['vary_headers: [Authorization]', 'cache_control: true']),
        };
    }
    const params = [...missing, ...(sharesCallers ? ['method.request.header.Authorization'] : [])];
    if (endpoint.flavor === 'cdk') {
        const { path, method } = (0, helpers_1.apiPathAndMethod)(endpoint);
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
//# sourceMappingURL=CL004-cache-key-incomplete.js.map