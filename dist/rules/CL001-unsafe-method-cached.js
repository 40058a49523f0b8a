"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL001 = void 0;
const model_1 = require("../lib/model");
const helpers_1 = require("./helpers");
const GHOST_200 = '{layer} caches {methods} responses for {routes}: every {method} after the first is answered from cache for {ttl} and never reaches the backend ("ghost 200").';
const IGNORES_NO_STORE = " It also ignores the origin's Cache-Control: no-store.";
const REPLAY_STORE = ' The key includes {idempotencyKey}: that makes it a replay store, safe only while every sender mints a unique key per event; put idempotency in the application (a repeated key with a different body gets 422, not the old response).';
const messages = {
    graphqlByDesign: '{layer} caches POST requests of {routes} by design (it keys on the GraphQL query): mutations must bypass it or they are answered from cache.',
    semanticCache: '{layer} answers similar POST prompts on {routes} from a semantic cache: intended for LLM routes only.',
    ghost200: GHOST_200,
    ghost200IgnoresNoStore: GHOST_200 + IGNORES_NO_STORE,
    ghost200ReplayStore: GHOST_200 + REPLAY_STORE,
    ghost200IgnoresNoStoreReplayStore: GHOST_200 + IGNORES_NO_STORE + REPLAY_STORE,
};
// No cache puts the request body in its key, so a cached POST answers the next POST to the same path from cache:
// the sender sees 200, the backend never sees the event (RFC 9110 §9.3.3 forbids answering a POST from a cached POST).
exports.CL001 = {
    id: 'CL001',
    name: 'unsafe-method-cached',
    severity: 'error',
    summary: 'A cache stores responses to POST, PUT, PATCH or DELETE: every write after the first gets a "ghost 200".',
    rationale: 'Caches key on method + path (+ a few headers), never on the body. Once a write response is cached, the next write ' +
        'to the same path is answered from the cache: the caller sees 200 OK, the backend never receives the event.',
    docs: 'docs/rules/CL001.md',
    messages,
    remediation: {
        kong: 'Set `config.request_method: [GET, HEAD]` on the caching plugin (or scope it to GET-only routes).',
        'kong-ingress': 'Set `config.request_method: [GET, HEAD]` in the KongPlugin / KongClusterPlugin.',
        cloudformation: 'Set `CachingEnabled: false` on the MethodSetting for the write method (keep the entry: deleting it does not turn caching off on a deployed stage).',
        cdk: "Set `deployOptions.methodOptions['/path/POST'] = { cachingEnabled: false }`.",
    },
    check(endpoint) {
        const hits = [];
        for (const layer of endpoint.caches) {
            const methods = (0, helpers_1.unsafeCached)(endpoint, layer);
            if (methods.length === 0)
                continue;
            hits.push(hit(endpoint, layer, methods));
        }
        return hits;
    },
};
function hit(endpoint, layer, routeMethods) {
    const findingId = (0, helpers_1.settingId)(endpoint, layer);
    // A shared setting (a global plugin) is described by what it stores, the same words for every route it affects.
    const methods = layer.id && layer.cachedMethods.known ? layer.cachedMethods.value.filter(model_1.isUnsafe) : routeMethods;
    const idem = (0, helpers_1.idempotencyKeyIn)(layer);
    const base = { at: layer.at, findingId };
    if (layer.kind === 'kong-graphql-proxy-cache') {
        return {
            ...base,
            severity: 'warning',
            messageId: 'graphqlByDesign',
            data: { layer: (0, helpers_1.where)(layer, endpoint) },
            remediation: {
                summary: 'Scope graphql-proxy-cache-advanced to a route that serves queries only, and send mutations through a route without it.',
                snippet: kongRouteSplitSnippet(),
            },
        };
    }
    if (layer.kind === 'kong-ai-semantic-cache') {
        return {
            ...base,
            severity: 'info',
            messageId: 'semanticCache',
            data: { layer: (0, helpers_1.where)(layer, endpoint) },
            remediation: { summary: 'Keep ai-semantic-cache on LLM chat/completions routes only; remove it from routes that carry events or writes.' },
        };
    }
    // Only where ignoring no-store is documented (Kong cache_control, CloudFront MinTTL); for API Gateway it is an
    // assumption (docs/platforms/api-gateway.md#setting-cache-control-no-store), so the message does not state it.
    const ignoresNoStore = layer.kind !== 'apigateway-stage-cache' && layer.honorsOriginNoStore.known && !layer.honorsOriginNoStore.value;
    const messageId = ignoresNoStore
        ? idem
            ? 'ghost200IgnoresNoStoreReplayStore'
            : 'ghost200IgnoresNoStore'
        : idem
            ? 'ghost200ReplayStore'
            : 'ghost200';
    const data = { layer: (0, helpers_1.where)(layer, endpoint), methods: (0, helpers_1.list)(methods), method: methods[0], ttl: ttlText(layer), ...(idem ? { idempotencyKey: idem } : {}) };
    return { ...base, messageId, data, remediation: () => remediationFor(endpoint, layer, methods) };
}
function ttlText(layer) {
    return layer.ttl.known ? `up to ${layer.ttl.value.max} s` : 'its TTL';
}
function remediationFor(endpoint, layer, methods) {
    switch (endpoint.flavor) {
        case 'kong':
        case 'kong-ingress': {
            const safe = layer.cachedMethods.known ? layer.cachedMethods.value.filter((m) => m === 'GET' || m === 'HEAD') : [];
            const rm = safe.length ? safe : ['GET', 'HEAD'];
            const fixCc = layer.honorsOriginNoStore.known && !layer.honorsOriginNoStore.value;
            const config = layer.kind === 'kong-proxy-cache' ? layer.fixTargets?.pluginConfig : undefined;
            const edits = config ? [(0, helpers_1.setListEdit)(config, ['request_method'], rm), ...(fixCc ? [(0, helpers_1.setEdit)(config, ['cache_control'], true)] : [])] : [];
            return {
                // Reads stay cached; only the write methods leave the list, and no-store is honoured.
                ...(0, helpers_1.fixOf)('safe', edits),
                summary: `Set config.request_method: [${rm.join(', ')}] on ${(0, helpers_1.kongPluginRef)(layer)}${fixCc ? ' and config.cache_control: true so upstream no-store is honoured' : ''}.`,
                snippet: (0, helpers_1.kongConfigSnippet)(endpoint.flavor, layer.details?.plugin ?? 'proxy-cache', [
                    `request_method: [${rm.join(', ')}]`,
                    ...(fixCc ? ['cache_control: true'] : []),
                ]),
            };
        }
        case 'cdk': {
            const { path, method } = (0, helpers_1.apiPathAndMethod)(endpoint);
            return {
                summary: `Set deployOptions.methodOptions['${path}/${method}'] = { cachingEnabled: false } on the RestApi (keep the entry: removing it does not turn caching off on a deployed stage).`,
                snippet: `deployOptions: {\n  methodOptions: {\n    '${path}/${method}': { cachingEnabled: false },\n  },\n}`,
            };
        }
        default: {
            const { path, method } = (0, helpers_1.apiPathAndMethod)(endpoint);
            const setting = layer.fixTargets?.methodSetting;
            // A MethodSetting for one write method only caches that method: turning it off is safe. An ANY or `*` entry
            // also caches reads, which turning it off would stop.
            const fix = setting ? (0, helpers_1.fixOf)((0, model_1.isUnsafe)(setting.httpMethod) ? 'safe' : 'unsafe', [(0, helpers_1.setEdit)(setting, ['CachingEnabled'], false)]) : {};
            return {
                ...fix,
                summary: `Set CachingEnabled: false on the MethodSetting for ${method} ${path} (${methods.join(', ')}); keep the entry: deleting it does not turn caching off on a deployed stage.`,
                snippet: `MethodSettings:\n  - ResourcePath: ${(0, helpers_1.methodSettingPath)(path)}\n    HttpMethod: ${method}\n    CachingEnabled: false`,
            };
        }
    }
}
function kongRouteSplitSnippet() {
    return [
        'routes:',
        '  - name: graphql-queries',
        '    paths: [/graphql]',
        '    methods: [GET]',
        '    plugins:',
        '      - name: graphql-proxy-cache-advanced',
        '  - name: graphql-mutations',
        '    paths: [/graphql]',
        '    methods: [POST]',
    ].join('\n');
}
