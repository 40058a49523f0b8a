"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL005 = void 0;
const helpers_1 = require("./helpers");
const messages = {
    defaultTtl: '{layer} caches responses of {routes} that carry no Cache-Control for {defaultTtl} s (DefaultTTL): reads after a write see stale data unless the API sets Cache-Control on every response.',
};
// An API response without Cache-Control is cached for the default TTL (a day with legacy ForwardedValues):
// GET /orders/42 keeps returning the state before the last PUT.
exports.CL005 = {
    id: 'CL005',
    name: 'api-cached-by-default',
    severity: 'warning',
    summary: 'An API behind a cache whose default TTL applies when the origin sends no Cache-Control.',
    rationale: 'CloudFront caches responses without Cache-Control for DefaultTTL (86400 s for legacy ForwardedValues and most policies). ' +
        'An API that accepts writes then serves stale reads for a day unless every response carries Cache-Control.',
    docs: 'docs/rules/CL005.md',
    messages,
    remediation: {
        cloudformation: 'Use the managed CachingDisabled policy on API behaviours, or a cache policy with `DefaultTTL: 0` and `MinTTL: 0`.',
        cdk: 'Use `cachePolicy: CachePolicy.CACHING_DISABLED` on API behaviours.',
    },
    check(endpoint) {
        const writes = (0, helpers_1.unsafeAccepted)(endpoint);
        if (!writes || writes.length === 0)
            return [];
        const hits = [];
        for (const layer of endpoint.caches) {
            if (!(0, helpers_1.isCloudFront)(layer) || !layer.ttl.known || layer.ttl.value.default <= 0)
                continue;
            if ((0, helpers_1.writesThrough)(endpoint, layer).length === 0)
                continue;
            // Where the cache also ignores no-store, CL002 is the finding (one root cause, one finding).
            if (!layer.honorsOriginNoStore.known || !layer.honorsOriginNoStore.value)
                continue;
            const cached = (0, helpers_1.cachedHere)(endpoint, layer);
            if (cached && cached.length === 0)
                continue;
            const ttl = layer.ttl.value;
            hits.push({
                at: layer.at,
                findingId: (0, helpers_1.settingId)(endpoint, layer),
                messageId: 'defaultTtl',
                data: { layer: (0, helpers_1.where)(layer, endpoint), defaultTtl: ttl.default },
                remediation: () => (0, helpers_1.cloudFrontTtlFix)(endpoint, layer, { default: true, min: ttl.min > 0 || undefined }),
            });
        }
        return hits;
    },
};
