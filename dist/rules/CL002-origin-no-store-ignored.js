"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL002 = void 0;
const helpers_1 = require("./helpers");
const IGNORED = "{layer} ignores the origin's Cache-Control: no-store on {routes}, where writes are accepted: ";
const KONG = 'with cache_control: false it stores {methods} responses for {ttl} s whatever the upstream says';
const MIN_TTL = ' keeps API GET responses cached even when the origin sends no-store, private or no-cache.';
const messages = {
    kongStoresAnyway: `${IGNORED}${KONG}.`,
    kongStoresAnywayShared: `${IGNORED}${KONG}, and shares them across callers that send Authorization.`,
    minTtl: `${IGNORED}its MinTTL of {minTtl} s${MIN_TTL}`,
    minTtlUnknown: `${IGNORED}its MinTTL${MIN_TTL}`,
};
// The backend's last line of defence is `Cache-Control: no-store`. A cache that ignores it (Kong proxy-cache with
// cache_control: false, its default; CloudFront with MinTTL > 0) keeps serving what the API said must not be kept.
exports.CL002 = {
    id: 'CL002',
    name: 'origin-no-store-ignored',
    severity: 'warning',
    summary: "An API that accepts writes sits behind a cache that ignores the origin's Cache-Control: no-store.",
    rationale: 'Kong proxy-cache with `cache_control: false` (the default) stores upstream no-store/private responses for cache_ttl; ' +
        'CloudFront caches for at least MinTTL even when the origin says no-store (CachingOptimized, the CDK default, has MinTTL 1). ' +
        'The backend cannot opt its API responses out of the cache.',
    docs: 'docs/rules/CL002.md',
    messages,
    remediation: {
        kong: 'Set `config.cache_control: true` on the proxy-cache plugin.',
        'kong-ingress': 'Set `config.cache_control: true` in the KongPlugin.',
        cloudformation: `Use the managed CachingDisabled policy (\`CachePolicyId: ${helpers_1.CACHING_DISABLED_ID}\`) or a cache policy with \`MinTTL: 0\`.`,
        cdk: 'Use `cachePolicy: CachePolicy.CACHING_DISABLED` (or a CachePolicy with `minTtl: Duration.seconds(0)`).',
    },
    check(endpoint) {
        const writes = (0, helpers_1.unsafeAccepted)(endpoint);
        if (!writes || writes.length === 0)
            return [];
        const hits = [];
        for (const layer of endpoint.caches) {
            if (!(0, helpers_1.isKongCache)(layer) && !(0, helpers_1.isCloudFront)(layer))
                continue;
            if ((0, helpers_1.writesThrough)(endpoint, layer).length === 0)
                continue; // writes go round this cache: no stale read after one
            if (!layer.honorsOriginNoStore.known || layer.honorsOriginNoStore.value)
                continue;
            if ((0, helpers_1.unsafeCached)(endpoint, layer).length > 0)
                continue; // CL001 reports this cache and folds this fix in
            const cached = (0, helpers_1.cachedHere)(endpoint, layer);
            if (cached && cached.length === 0)
                continue; // caches nothing this endpoint serves
            hits.push({
                at: layer.at,
                findingId: (0, helpers_1.settingId)(endpoint, layer),
                ...ignored(layer, (0, helpers_1.where)(layer, endpoint)),
                remediation: () => remediationFor(endpoint, layer),
            });
        }
        return hits;
    },
};
function ignored(layer, place) {
    if ((0, helpers_1.isKongCache)(layer)) {
        const shared = layer.keyIncludesIdentity.known && !layer.keyIncludesIdentity.value;
        return {
            messageId: shared ? 'kongStoresAnywayShared' : 'kongStoresAnyway',
            data: { layer: place, methods: cachedList(layer), ttl: layer.ttl.known ? layer.ttl.value.max : 300 },
        };
    }
    return layer.ttl.known
        ? { messageId: 'minTtl', data: { layer: place, minTtl: layer.ttl.value.min } }
        : { messageId: 'minTtlUnknown', data: { layer: place } };
}
function cachedList(layer) {
    return layer.cachedMethods.known ? layer.cachedMethods.value.join('/') : 'GET/HEAD';
}
function remediationFor(endpoint, layer) {
    if ((0, helpers_1.isKongCache)(layer)) {
        const config = layer.kind === 'kong-proxy-cache' || layer.kind === 'kong-ai-semantic-cache' ? layer.fixTargets?.pluginConfig : undefined;
        return {
            ...(0, helpers_1.fixOf)('safe', config ? [(0, helpers_1.setEdit)(config, ['cache_control'], true)] : []),
            summary: `Set config.cache_control: true on ${(0, helpers_1.kongPluginRef)(layer)} so upstream no-store / private responses are not stored.`,
            snippet: (0, helpers_1.kongConfigSnippet)(endpoint.flavor, layer.details?.plugin ?? 'proxy-cache', ['cache_control: true']),
        };
    }
    return (0, helpers_1.cloudFrontTtlFix)(endpoint, layer, { min: true });
}
