"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL102 = void 0;
// A live finding from `cachelint probe` (lib/probe): no check here — the probe builds the Finding from what it saw.
exports.CL102 = {
    id: 'CL102',
    name: 'missing-no-store-observed',
    severity: 'warning',
    summary: 'A write response arrived without `Cache-Control: no-store`.',
    rationale: 'Every cache between the client and the backend decides by the response headers. A write answered without ' +
        '`Cache-Control: no-store` is protected only as long as each of those caches is configured right; `no-store` ' +
        'protects it from all of them, including the ones added later (RFC 9111 §5.2.2.5).',
    docs: 'docs/rules/CL102.md',
    remediation: {
        kong: 'Add a response-transformer plugin with `replace.headers` and `add.headers` both set to `Cache-Control:no-store` on the route.',
        'kong-ingress': 'Attach a KongPlugin `response-transformer` with `replace.headers` and `add.headers` set to `Cache-Control:no-store`.',
        cloudformation: "CloudFront: a ResponseHeadersPolicy with `Cache-Control: no-store`, `Override: true`. API Gateway: map `method.response.header.Cache-Control` to `'no-store'` (or send it from the backend).",
        cdk: "CloudFront: `responseHeadersPolicy` with `customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: true }]`. API Gateway: map `method.response.header.Cache-Control` to `\"'no-store'\"`.",
    },
};
