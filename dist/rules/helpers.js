"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isCloudFront = exports.isKongCache = void 0;
exports.unsafeAccepted = unsafeAccepted;
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
const model_1 = require("../lib/model");
/** Unsafe methods the endpoint accepts; undefined when its methods are unknown (CL006 reports that). */
function unsafeAccepted(endpoint) {
    if (!endpoint.methods.known)
        return undefined;
    if (endpoint.staticOrigin)
        return [];
    return endpoint.methods.value.filter(model_1.isUnsafe);
}
/** Methods that this layer caches AND the endpoint accepts. */
function cachedHere(endpoint, layer) {
    if (!endpoint.methods.known || !layer.cachedMethods.known)
        return undefined;
    const accepted = new Set(endpoint.methods.value);
    return layer.cachedMethods.value.filter((m) => accepted.has(m));
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
/** A plugin config snippet: decK plugin entry for Kong files, the KongPlugin `config:` block for manifests. */
function kongConfigSnippet(flavor, plugin, configLines) {
    if (flavor === 'kong-ingress')
        return ['config:', ...configLines.map((l) => `  ${l}`)].join('\n');
    return [`- name: ${plugin}`, '  config:', ...configLines.map((l) => `    ${l}`)].join('\n');
}
//# sourceMappingURL=helpers.js.map