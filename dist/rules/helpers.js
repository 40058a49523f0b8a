"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CACHING_DISABLED_ID = exports.NO_STORE_TRANSFORMER = exports.isCloudFront = exports.isKongCache = void 0;
exports.unsafeAccepted = unsafeAccepted;
exports.writesThrough = writesThrough;
exports.cachedHere = cachedHere;
exports.unsafeCached = unsafeCached;
exports.where = where;
exports.list = list;
exports.joinAnd = joinAnd;
exports.methodSettingPath = methodSettingPath;
exports.apiPathAndMethod = apiPathAndMethod;
exports.kongPluginRef = kongPluginRef;
exports.idempotencyKeyIn = idempotencyKeyIn;
exports.kongConfigSnippet = kongConfigSnippet;
exports.settingId = settingId;
exports.cloudFrontTtlFix = cloudFrontTtlFix;
exports.setEdit = setEdit;
exports.setListEdit = setListEdit;
exports.fixOf = fixOf;
const model_1 = require("../lib/model");
/** Unsafe methods the endpoint accepts; undefined when its methods are unknown (CL006 reports that). */
function unsafeAccepted(endpoint) {
    if (!endpoint.methods.known)
        return undefined;
    if (endpoint.staticOrigin)
        return [];
    return endpoint.methods.value.filter(model_1.isUnsafe);
}
/** Unsafe methods of the endpoint that pass through this layer (a CloudFront behaviour may let only reads through). */
function writesThrough(endpoint, layer) {
    const writes = unsafeAccepted(endpoint) ?? [];
    return layer.admits ? writes.filter((m) => layer.admits.includes(m)) : writes;
}
/** Methods that this layer caches AND the endpoint accepts. */
function cachedHere(endpoint, layer) {
    if (!endpoint.methods.known || !layer.cachedMethods.known)
        return undefined;
    const accepted = endpoint.methods.value; // a handful of methods: a scan beats building a Set per call
    return layer.cachedMethods.value.filter((m) => accepted.includes(m));
}
/** Unsafe methods this layer stores on this endpoint: the ghost-200 condition (CL001). */
function unsafeCached(endpoint, layer) {
    if (endpoint.staticOrigin)
        return [];
    return (cachedHere(endpoint, layer) ?? []).filter(model_1.isUnsafe);
}
const isKongCache = (l) => l.kind.startsWith('kong-');
exports.isKongCache = isKongCache;
const isCloudFront = (l) => l.kind.startsWith('cloudfront-');
exports.isCloudFront = isCloudFront;
/**
 * Where the layer is, for messages: `proxy-cache (global) (line 12)` when it is in the endpoint's file, else
 * `(kong.yaml:12)`; CDK users edit constructs, so the construct path wins.
 */
function where(layer, endpoint) {
    const at = layer.at;
    // A CDK CachePolicy is named by its own construct path already; the place is then the behaviour that uses it.
    if (layer.details?.policyPath && at.constructPath)
        return `${layer.name} (used by ${at.constructPath})`;
    const place = at.constructPath ?? (at.file === endpoint.at.file ? `line ${at.line}` : `${at.file}:${at.line}`);
    return `${layer.name} (${place})`;
}
function list(methods) {
    return methods.join(', ');
}
/** Prose list: `a`, `a and b`, `a, b and c`. */
function joinAnd(parts) {
    return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
/** CloudFormation MethodSetting ResourcePath for a path: `/webhooks/stripe` → `/~1webhooks~1stripe`. */
function methodSettingPath(path) {
    if (path === '/' || path === '')
        return '/';
    return '/~1' + path.replace(/^\//, '').replace(/\//g, '~1');
}
/** The API Gateway resource path and method of an endpoint, from its findingId `/webhooks/POST`. */
function apiPathAndMethod(endpoint) {
    const id = endpoint.findingId;
    const slash = id.lastIndexOf('/');
    const path = id.slice(0, slash) || '/';
    return { path, method: id.slice(slash + 1) };
}
function kongPluginRef(layer) {
    const plugin = layer.details?.plugin ?? layer.name.split(' ')[0];
    return `the ${plugin} plugin at ${layer.at.file}:${layer.at.line}${layer.scope ? ` (${layer.scope} scope)` : ''}`;
}
/** Idempotency-key headers in a key turn caching into a replay store: still unsafe (docs/rules/CL001.md). */
function idempotencyKeyIn(layer) {
    if (!layer.key.known)
        return undefined;
    return layer.key.value.find((k) => /idempotency|request-id|x-request-id|dedup/i.test(k));
}
/** response-transformer config for no-store on every response: `replace` acts only when the upstream sent the
 *  header, `add` only when it did not, so a fix sets both. */
exports.NO_STORE_TRANSFORMER = ['replace:', '  headers: ["Cache-Control:no-store"]', 'add:', '  headers: ["Cache-Control:no-store"]'];
/** A plugin config snippet: decK plugin entry for Kong files, the KongPlugin `config:` block for manifests. */
function kongConfigSnippet(flavor, plugin, configLines) {
    if (flavor === 'kong-ingress')
        return ['config:', ...configLines.map((l) => `  ${l}`)].join('\n');
    return [`- name: ${plugin}`, '  config:', ...configLines.map((l) => `    ${l}`)].join('\n');
}
/** The id of the setting a layer's findings are keyed by: the shared setting (a Kong plugin instance, a stage-wide
 *  cache) when the layer has one, else the endpoint's own. */
function settingId(endpoint, layer) {
    return layer.id ?? endpoint.findingId + (layer.details?.findingSuffix ?? '');
}
/**
 * A CloudFront fix that lowers a behaviour's TTLs without breaking what works. A cache policy's key is also what
 * reaches the origin (an `x-api-key` header, cookies, query strings): swapping it for CachingDisabled would drop
 * them, so a policy or legacy behaviour that forwards something keeps its key and only gets its TTLs lowered.
 * Managed CachingDisabled is offered only where the policy forwarded nothing.
 */
/** The managed CachingDisabled cache policy (TTLs 0, empty key). */
exports.CACHING_DISABLED_ID = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
function cloudFrontTtlFix(endpoint, layer, ttls) {
    const cdk = endpoint.flavor === 'cdk';
    const what = [ttls.min ? 'MinTTL' : '', ttls.default ? 'DefaultTTL' : ''].filter(Boolean);
    const cfnLines = what.map((t) => `${t}: 0`);
    const cdkLines = what.map((t) => `${t === 'MinTTL' ? 'minTtl' : 'defaultTtl'}: Duration.seconds(0),`);
    const forwarded = layer.key.known ? layer.key.value : [];
    const keepOrp = endpoint.details?.originRequestPolicy ? ' and keep its origin request policy' : '';
    // Unsafe fixes: lower TTLs change what is cached for reads (and a template policy may serve other behaviours too).
    const targets = cdk ? undefined : layer.fixTargets;
    const ttlEdits = (target) => (target ? what.map((t) => setEdit(target, [t], 0)) : []);
    if (layer.kind === 'cloudfront-forwarded-values') {
        return {
            summary: `Set ${joinAnd(what.map((t) => `${t}: 0`))} on this behaviour; keep its ForwardedValues (what it forwards still reaches the origin).`,
            snippet: cfnLines.join('\n'),
            ...fixOf('unsafe', ttlEdits(targets?.behavior)),
        };
    }
    const managedId = layer.details?.policyId;
    if (!managedId) {
        const policy = layer.details?.policyPath ?? layer.details?.policy ?? 'the cache policy';
        return cdk
            ? {
                summary: `Set ${joinAnd(what.map((t) => (t === 'MinTTL' ? 'minTtl' : 'defaultTtl')))} to Duration.seconds(0) on the CachePolicy ${policy}; its cache key (what it forwards to the origin) stays.`,
                snippet: cdkLines.join('\n'),
            }
            : {
                summary: `Set ${joinAnd(what.map((t) => `${t}: 0`))} in the CachePolicyConfig of ${policy}; its cache key (what it forwards to the origin) stays.`,
                snippet: `CachePolicyConfig:\n${cfnLines.map((l) => `  ${l}`).join('\n')}`,
                ...fixOf('unsafe', ttlEdits(targets?.cachePolicyConfig)),
            };
    }
    if (forwarded.length === 0) {
        return cdk
            ? {
                summary: `Use cachePolicy: CachePolicy.CACHING_DISABLED on this behaviour${keepOrp} (${layer.name} forwards no headers, cookies or query strings, so nothing the origin reads is lost).`,
                snippet: 'cachePolicy: CachePolicy.CACHING_DISABLED,',
            }
            : {
                summary: `Set CachePolicyId to Managed-CachingDisabled on this behaviour${keepOrp} (${layer.name} forwards no headers, cookies or query strings, so nothing the origin reads is lost).`,
                snippet: `CachePolicyId: ${exports.CACHING_DISABLED_ID}  # Managed-CachingDisabled`,
                ...fixOf('unsafe', targets?.behavior
                    ? [setEdit(targets.behavior, ['CachePolicyId'], exports.CACHING_DISABLED_ID, { mentions: layer.name, text: 'Managed-CachingDisabled' })]
                    : []),
            };
    }
    // A managed policy that forwards: a custom policy with the same key and lower TTLs keeps the origin's inputs
    // (Authorization can only travel in a cache policy's key: an origin request policy may not forward it).
    const keyText = forwarded.join(', ');
    return cdk
        ? {
            summary: `Replace ${layer.name} with your own CachePolicy that keys on the same inputs (${keyText}) with ${joinAnd(what.map((t) => (t === 'MinTTL' ? 'minTtl' : 'defaultTtl')))} 0: CachingDisabled would stop forwarding them.`,
            snippet: `cachePolicy: new CachePolicy(this, 'ApiCachePolicy', {\n  ${cdkLines.join('\n  ')}\n  // the same headerBehavior, cookieBehavior and queryStringBehavior as ${layer.name}\n}),`,
        }
        : {
            summary: `Replace ${layer.name} with a CachePolicy that keys on the same inputs (${keyText}) with ${joinAnd(what.map((t) => `${t}: 0`))}: CachingDisabled would stop forwarding them.`,
            snippet: `CachePolicyConfig:\n${cfnLines.map((l) => `  ${l}`).join('\n')}\n  # ParametersInCacheKeyAndForwardedToOrigin: the same headers, cookies and query strings as ${layer.name}`,
        };
}
/** An edit of the value at `sub` below a setting the adapter addressed (`--fix`). */
function setEdit(target, sub, value, comment) {
    return { op: 'set', file: target.file, document: target.document, path: [...target.path, ...sub], value, ...(comment ? { comment } : {}) };
}
function setListEdit(target, sub, value) {
    return { op: 'set-list', file: target.file, document: target.document, path: [...target.path, ...sub], value };
}
function fixOf(safety, edits) {
    return edits.length ? { fix: { safety, edits } } : {};
}
