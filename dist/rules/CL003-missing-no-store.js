"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL003 = void 0;
const model_1 = require("../lib/model");
const helpers_1 = require("./helpers");
// Why the endpoint needs no-store: the caches its writes pass through, or a webhook path pattern (with no cache).
const THROUGH = '{routes} accepts {methods} and passes through {layers}, but ';
const WEBHOOK = '{routes} accepts {methods} and matches a webhook path pattern, but ';
const MISSING = 'nothing sets Cache-Control: no-store on its responses';
const NOT_STORED = ' (no layer on the path stores {methods} responses, so this only protects caches downstream)';
const BACKEND_ONLY = ' (a proxy integration: only the backend can set it)';
const PARTIAL = 'its Cache-Control: no-store is partial: {setting} has no {missing}, so {leaves}.';
const messages = {
    missing: `${THROUGH}${MISSING}.`,
    missingNotStored: `${THROUGH}${MISSING}${NOT_STORED}.`,
    missingBackendOnly: `${THROUGH}${MISSING}${BACKEND_ONLY}.`,
    webhookMissing: `${WEBHOOK}${MISSING}.`,
    webhookMissingNotStored: `${WEBHOOK}${MISSING}${NOT_STORED}.`,
    webhookMissingBackendOnly: `${WEBHOOK}${MISSING}${BACKEND_ONLY}.`,
    partial: `${THROUGH}${PARTIAL}`,
    webhookPartial: `${WEBHOOK}${PARTIAL}`,
};
// Downstream caches (browsers, corporate proxies, a CDN added later in a console) decide by the response headers.
// A write endpoint that never says `Cache-Control: no-store` relies on every one of them being configured right.
exports.CL003 = {
    id: 'CL003',
    name: 'missing-no-store',
    severity: 'warning',
    summary: 'An endpoint that accepts writes passes through a cache, or is a webhook receiver, and nothing sets Cache-Control: no-store on its responses.',
    rationale: 'Setting `Cache-Control: no-store` at the gateway or CDN protects write responses from every cache downstream, ' +
        'including the ones nobody wrote down. Where only the backend can set it (API Gateway proxy integrations) this is info.',
    docs: 'docs/rules/CL003.md',
    messages,
    remediation: {
        kong: 'Add a response-transformer plugin with `replace.headers` and `add.headers` both set to `Cache-Control:no-store`.',
        'kong-ingress': 'Attach a KongPlugin `response-transformer` with `replace.headers` and `add.headers` set to `Cache-Control:no-store`.',
        cloudformation: "Attach a ResponseHeadersPolicy with `CustomHeadersConfig.Items: [{Header: Cache-Control, Value: no-store, Override: true}]` (CloudFront), or map `method.response.header.Cache-Control` to `'no-store'` in the integration response (API Gateway).",
        cdk: "Use `responseHeadersPolicy: new ResponseHeadersPolicy(this, 'NoStore', { customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: true }] } })`.",
    },
    check(endpoint) {
        const writes = (0, helpers_1.unsafeAccepted)(endpoint);
        if (!writes || writes.length === 0)
            return [];
        // Only the layers the writes pass through are on their path (a GET-only CloudFront behaviour is not).
        const onPath = endpoint.caches.filter((l) => (0, helpers_1.writesThrough)(endpoint, l).length > 0);
        if (onPath.length === 0 && !endpoint.webhook)
            return [];
        // A policy that misses some responses: its own finding, on the setting to change (see partialHit).
        if (endpoint.noStore.known && endpoint.noStore.value?.partial)
            return [partialHit(endpoint, writes, endpoint.noStore.value)];
        if (!endpoint.noStore.known || endpoint.noStore.value !== undefined)
            return [];
        // Reported beside CL001, not instead of it: the no-store policy is another setting with another fix, and holding
        // it back would only show it after the first fix (all findings on the first run).
        const storing = storesWrites(endpoint);
        const backendOnly = endpoint.noStoreSettable === false;
        // Severity follows what can store: a warning only where a layer on the path stores these writes' responses.
        const messageId = onPath.length
            ? backendOnly
                ? 'missingBackendOnly'
                : storing
                    ? 'missing'
                    : 'missingNotStored'
            : backendOnly
                ? 'webhookMissingBackendOnly'
                : storing
                    ? 'webhookMissing'
                    : 'webhookMissingNotStored';
        return [
            {
                at: endpoint.at,
                severity: backendOnly || !storing ? 'info' : undefined,
                messageId,
                data: { methods: (0, helpers_1.list)(writes), ...(onPath.length ? { layers: onPath.map((l) => l.name).join(' -> ') } : {}) },
                remediation: () => remediationFor(endpoint, backendOnly, readsCached(endpoint)),
            },
        ];
    },
};
/** Whether a layer on the path stores the responses of this endpoint's writes (with a TTL above 0). */
function storesWrites(endpoint) {
    return endpoint.caches.some((l) => canStore(l) && !BY_DESIGN.has(l.kind) && (0, helpers_1.unsafeCached)(endpoint, l).length > 0);
}
// Caches that store POST by design, keyed on the request body (GraphQL query, LLM prompt): CL001 reports them, and a
// no-store header would not change what they keep.
const BY_DESIGN = new Set(['kong-graphql-proxy-cache', 'kong-ai-semantic-cache']);
/** Whether a layer on the path keeps this route's reads: a no-store policy on the route would end that. */
function readsCached(endpoint) {
    return endpoint.platform !== 'apigateway' && endpoint.caches.some((l) => canStore(l) && ((0, helpers_1.cachedHere)(endpoint, l) ?? []).some((m) => !(0, model_1.isUnsafe)(m)));
}
/** A layer that can keep a response at all: a TTL above 0 (or one a deploy decides). */
function canStore(layer) {
    return !layer.ttl.known || layer.ttl.value.max > 0;
}
function remediationFor(endpoint, backendOnly, readsCached) {
    if (backendOnly)
        return { summary: 'Make the backend send Cache-Control: no-store on responses to writes (proxy integrations pass its headers through unchanged).' };
    // A header policy on the route or behaviour applies to its reads too: forcing no-store there would end caching the
    // reads someone chose to cache. Then the writes get their own route or behaviour, or the origin marks them.
    if (readsCached)
        return splitWritesFix(endpoint);
    switch (endpoint.flavor) {
        case 'kong':
            return {
                summary: `Add a response-transformer plugin to route ${endpoint.resource} (or its service) that replaces and adds Cache-Control: no-store (replace acts only when the upstream sent the header, add only when it did not: use both).`,
                snippet: ['plugins:', '  - name: response-transformer', '    config:', ...helpers_1.NO_STORE_TRANSFORMER.map((l) => `      ${l}`)].join('\n'),
            };
        case 'kong-ingress':
            return {
                summary: 'Create a KongPlugin response-transformer that replaces and adds Cache-Control: no-store, and list it in the konghq.com/plugins annotation.',
                snippet: noStoreKongPlugin('response-transformer').join('\n'),
            };
        case 'cdk':
            return endpoint.platform === 'cloudfront'
                ? {
                    summary: 'Attach a ResponseHeadersPolicy that sets Cache-Control: no-store with override on this behaviour.',
                    snippet: "responseHeadersPolicy: new ResponseHeadersPolicy(this, 'NoStore', {\n  customHeadersBehavior: {\n    customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: true }],\n  },\n}),",
                }
                : {
                    summary: "Declare the Cache-Control method response header and map it to 'no-store' in the integration response.",
                    snippet: "methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Cache-Control': true } }],\n// integration: integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Cache-Control': \"'no-store'\" } }]",
                };
        default:
            return endpoint.platform === 'cloudfront'
                ? {
                    summary: 'Attach a ResponseHeadersPolicy that sets Cache-Control: no-store with Override: true (ResponseHeadersPolicyId on the behaviour).',
                    snippet: 'ResponseHeadersPolicyConfig:\n  Name: api-no-store\n  CustomHeadersConfig:\n    Items:\n      - Header: Cache-Control\n        Value: no-store\n        Override: true',
                }
                : {
                    summary: "Declare method.response.header.Cache-Control in MethodResponses and map it to 'no-store' in IntegrationResponses.",
                    snippet: "MethodResponses:\n  - StatusCode: '200'\n    ResponseParameters:\n      method.response.header.Cache-Control: true\nIntegration:\n  IntegrationResponses:\n    - StatusCode: '200'\n      ResponseParameters:\n        method.response.header.Cache-Control: \"'no-store'\"",
                };
    }
}
function splitWritesFix(endpoint) {
    const writes = ((0, helpers_1.unsafeAccepted)(endpoint) ?? []).join(', ');
    // Why the writes move instead of getting no-store where they are, said first.
    const keepReads = (where) => `Its reads are cached on purpose, and no-store on this ${where} would end that: `;
    switch (endpoint.flavor) {
        case 'kong':
            return {
                summary: `${keepReads('route')}give the ${writes} requests a route of their own (methods: [${writes}]) with a response-transformer that replaces and adds Cache-Control: no-store, or have the upstream send no-store on write responses.`,
                snippet: [
                    'routes:',
                    `  - name: ${endpoint.name ?? 'writes'}-writes`,
                    `    paths: [${endpoint.paths.join(', ')}]`,
                    `    methods: [${writes}]`,
                    '    plugins:',
                    '      - name: response-transformer',
                    '        config:',
                    ...helpers_1.NO_STORE_TRANSFORMER.map((l) => `          ${l}`),
                ].join('\n'),
            };
        case 'kong-ingress':
            return {
                summary: `${keepReads('Ingress')}route the ${writes} requests through an Ingress of their own (konghq.com/methods) that lists a response-transformer KongPlugin replacing and adding Cache-Control: no-store, or have the upstream send no-store on write responses.`,
                snippet: [
                    ...noStoreKongPlugin('response-transformer'),
                    '---',
                    'apiVersion: networking.k8s.io/v1',
                    'kind: Ingress',
                    'metadata:',
                    `  name: ${endpoint.details?.name ?? 'api'}-writes`,
                    '  annotations:',
                    `    konghq.com/methods: "${writes.replace(/ /g, '')}"`,
                    '    konghq.com/plugins: no-store',
                    'spec:',
                    '  # the same rules (host, paths, backend) as the Ingress that serves the reads',
                ].join('\n'),
            };
        default:
            return endpoint.platform === 'cloudfront'
                ? splitBehaviourFix(endpoint, keepReads('behaviour'))
                : {
                    summary: `Map method.response.header.Cache-Control to 'no-store' in the ${writes} method's integration response (it applies to that method only; cached reads keep their headers).`,
                };
    }
}
/** A KongPlugin named no-store with the transformer config: what a Kong Ingress fix lists in konghq.com/plugins. */
function noStoreKongPlugin(plugin) {
    return [
        'apiVersion: configuration.konghq.com/v1',
        'kind: KongPlugin',
        'metadata:',
        '  name: no-store',
        `plugin: ${plugin}`,
        ...(0, helpers_1.kongConfigSnippet)('kong-ingress', plugin, helpers_1.NO_STORE_TRANSFORMER).split('\n'),
    ];
}
/**
 * CloudFront: the write paths move to a behaviour of their own that caches nothing and sets no-store. Its origin
 * still needs what the old cache policy forwarded (an `x-api-key`, cookies, query strings): an origin request policy
 * carries them (Authorization needs none: CloudFront forwards it on writes).
 */
function splitBehaviourFix(endpoint, keepReads) {
    const layer = endpoint.caches.find((l) => l.kind.startsWith('cloudfront-'));
    const forwarded = layer?.key.known ? layer.key.value.filter((k) => k !== 'header:authorization') : [];
    const headers = forwarded.filter((k) => k.startsWith('header:')).map((k) => k.slice(7));
    const cookies = forwarded.filter((k) => k.startsWith('cookie:')).map((k) => k.slice(7));
    const queries = forwarded.filter((k) => k.startsWith('querystring:')).map((k) => k.slice(12));
    const keepOrp = !!endpoint.details?.originRequestPolicy;
    const parts = ['the CachingDisabled cache policy', 'a no-store response headers policy'];
    if (forwarded.length)
        parts.push(`an origin request policy forwarding what the old cache policy forwarded (${forwarded.join(', ')})`);
    else if (keepOrp)
        parts.push('the same origin request policy');
    const summary = `${keepReads}serve the write paths through a behaviour of their own with ${(0, helpers_1.joinAnd)(parts)}, or have the origin send Cache-Control: no-store on write responses.`;
    if (endpoint.flavor === 'cdk') {
        const list = (xs, kind, cls) => !xs.length ? [] : [`    ${kind}: ${cls}.${xs.includes('*') ? 'all()' : `allowList(${xs.map((x) => `'${x}'`).join(', ')})`},`];
        const orp = forwarded.length
            ? [
                "  originRequestPolicy: new OriginRequestPolicy(this, 'WritesForward', {",
                ...list(headers, 'headerBehavior', 'OriginRequestHeaderBehavior'),
                ...list(cookies, 'cookieBehavior', 'OriginRequestCookieBehavior'),
                ...list(queries, 'queryStringBehavior', 'OriginRequestQueryStringBehavior'),
                '  }),',
            ]
            : keepOrp
                ? ['  originRequestPolicy, // the one the behaviour has now']
                : [];
        return {
            summary,
            snippet: [
                "additionalBehaviors: { '/<write paths>/*': {",
                '  origin,',
                '  allowedMethods: AllowedMethods.ALLOW_ALL,',
                '  cachePolicy: CachePolicy.CACHING_DISABLED,',
                '  responseHeadersPolicy: noStore, // Cache-Control: no-store, override: true',
                ...orp,
                '} },',
            ].join('\n'),
        };
    }
    const cfnList = (xs, cfg, beh, names) => !xs.length
        ? []
        : [
            `    ${cfg}:`,
            `      ${beh}: ${xs.includes('*') ? (cfg === 'HeadersConfig' ? 'allViewer' : 'all') : 'whitelist'}`,
            ...(xs.includes('*') ? [] : [`      ${names}: [${xs.join(', ')}]`]),
        ];
    return {
        summary,
        snippet: [
            'CacheBehaviors:',
            '  - PathPattern: /<write paths>/*',
            `    TargetOriginId: ${endpoint.details?.origin ?? 'api'}`,
            '    AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]',
            `    CachePolicyId: ${helpers_1.CACHING_DISABLED_ID}  # Managed-CachingDisabled`,
            '    ResponseHeadersPolicyId: !Ref NoStorePolicy  # Cache-Control: no-store, Override: true',
            ...(forwarded.length
                ? ['    OriginRequestPolicyId: !Ref WritesForwardPolicy']
                : keepOrp
                    ? ['    OriginRequestPolicyId: # the one the behaviour has now']
                    : []),
            ...(forwarded.length
                ? [
                    '# WritesForwardPolicy: AWS::CloudFront::OriginRequestPolicy',
                    'OriginRequestPolicyConfig:',
                    ...cfnList(headers, 'HeadersConfig', 'HeaderBehavior', 'Headers'),
                    ...cfnList(cookies, 'CookiesConfig', 'CookieBehavior', 'Cookies'),
                    ...cfnList(queries, 'QueryStringsConfig', 'QueryStringBehavior', 'QueryStrings'),
                ]
                : []),
        ].join('\n'),
    };
}
/**
 * A partial no-store policy (`HeaderPolicy.partial`): Kong `add` only, `replace` only, `remove` + `add`; CloudFront
 * `Override: false`. Reported on the policy's entry, the setting whose change fixes it, and not folded into CL001:
 * that fix is on another setting (the cache), so both are reported on the first run.
 */
function partialHit(endpoint, writes, policy) {
    const partial = policy.partial;
    const { setting, missing, leaves } = partial;
    return {
        at: policy.at,
        severity: storesWrites(endpoint) ? undefined : 'info',
        ...(endpoint.caches.length
            ? { messageId: 'partial', data: { methods: (0, helpers_1.list)(writes), layers: endpoint.caches.map((l) => l.name).join(' -> '), setting, missing, leaves } }
            : { messageId: 'webhookPartial', data: { methods: (0, helpers_1.list)(writes), setting, missing, leaves } }),
        remediation: () => partialRemediation(endpoint, policy),
    };
}
function partialRemediation(endpoint, policy) {
    const partial = policy.partial;
    // The fix must not override reads the upstream deliberately makes cacheable on the same route or behaviour.
    if (partial.kind === 'override-false') {
        const keepReads = 'If the origin deliberately sends a cacheable Cache-Control on reads of this behaviour, move the write paths to their own behaviour with this policy instead, or have the origin send no-store on write responses.';
        return endpoint.flavor === 'cdk'
            ? {
                summary: `Set override: true on the Cache-Control custom header of ${partial.setting}: with override false CloudFront keeps the origin's Cache-Control. ${keepReads}`,
                snippet: "customHeadersBehavior: {\n  customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: true }],\n},",
            }
            : {
                summary: `Set Override: true on the Cache-Control custom header of ${partial.setting}: with Override: false CloudFront keeps the origin's Cache-Control. ${keepReads}`,
                snippet: 'CustomHeadersConfig:\n  Items:\n    - Header: Cache-Control\n      Value: no-store\n      Override: true',
            };
    }
    const keepReads = 'If the upstream deliberately sends a cacheable Cache-Control on reads of this route, put the writes on their own route and the transformer there.';
    const summary = `Set both replace.headers and add.headers to Cache-Control:no-store in ${partial.setting}: replace acts only when the upstream sent Cache-Control and add only when it did not, both decided on the upstream's headers. ${keepReads}`;
    const plugin = /^response-transformer-advanced\b/.test(partial.setting) ? 'response-transformer-advanced' : 'response-transformer';
    return {
        summary,
        snippet: endpoint.flavor === 'kong-ingress' ? noStoreKongPlugin(plugin).join('\n') : (0, helpers_1.kongConfigSnippet)('kong', plugin, helpers_1.NO_STORE_TRANSFORMER),
    };
}
