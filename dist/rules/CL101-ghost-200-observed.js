"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL101 = void 0;
const helpers_1 = require("./helpers");
// A live finding from `cachelint probe` (lib/probe): no check here — the probe builds the Finding from what it saw.
exports.CL101 = {
    id: 'CL101',
    name: 'ghost-200-observed',
    severity: 'error',
    summary: 'A repeated write was answered from a cache.',
    rationale: 'The probe sent the same write twice with different bodies and the second answer came from a cache (a hit header, ' +
        "`Age` > 0, another request's nonce, or an identical answer): every write after the first gets a success status " +
        'without reaching the backend. HTTP forbids answering a POST from a stored POST response (RFC 9110 §9.3.3).',
    docs: 'docs/rules/CL101.md',
    remediation: {
        kong: 'On the proxy-cache plugin that covers the route: `request_method: [GET, HEAD]` and `cache_control: true` (then `cachelint kong.yml` reports the rest as CL001).',
        'kong-ingress': 'On the KongPlugin proxy-cache attached to the Ingress: `request_method: [GET, HEAD]` and `cache_control: true`.',
        cloudformation: `API Gateway: a MethodSetting for the path and method with \`CachingEnabled: false\` (keep the entry). CloudFront: \`CachePolicyId: ${helpers_1.CACHING_DISABLED_ID}\` (CachingDisabled) on the behaviour.`,
        cdk: "API Gateway: `deployOptions.methodOptions['/path/POST'] = { cachingEnabled: false }`. CloudFront: `cachePolicy: CachePolicy.CACHING_DISABLED` on the behaviour.",
    },
};
