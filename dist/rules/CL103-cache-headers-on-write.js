"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL103 = void 0;
// A live finding from `cachelint probe` (lib/probe): no check here — the probe builds the Finding from what it saw.
exports.CL103 = {
    id: 'CL103',
    name: 'cache-headers-on-write',
    severity: 'warning',
    summary: 'A write response carries cache headers (`Age`, a cache status, `max-age`).',
    rationale: 'The write was not answered from cache this time, but a cache took part (a MISS/EXPIRED status, `Age: 0`, a cache ' +
        'key) or the answer invites storing (`max-age`, `s-maxage`, `public`, a future `Expires`) without `no-store`: one ' +
        'configuration change, or a second request with the same key, and the next write is a ghost 200.',
    docs: 'docs/rules/CL103.md',
    remediation: {
        kong: 'Set `request_method: [GET, HEAD]` and `cache_control: true` on the proxy-cache plugin, and add `Cache-Control: no-store` with response-transformer.',
        'kong-ingress': 'Set `request_method: [GET, HEAD]` and `cache_control: true` on the KongPlugin proxy-cache, and add `Cache-Control: no-store` with a response-transformer KongPlugin.',
        cloudformation: 'Send `Cache-Control: no-store` on write responses (CloudFront ResponseHeadersPolicy with Override, or the backend), and use CachingDisabled on write behaviours.',
        cdk: 'Use `cachePolicy: CachePolicy.CACHING_DISABLED` on write behaviours and a response headers policy with `Cache-Control: no-store`, `override: true`.',
    },
};
