"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VERBS = void 0;
exports.normaliseMethod = normaliseMethod;
exports.joinPath = joinPath;
exports.selectingParams = selectingParams;
exports.resolved = resolved;
exports.markIncomplete = markIncomplete;
exports.stringList = stringList;
exports.stringMap = stringMap;
exports.integrationNoStore = integrationNoStore;
const model_1 = require("../../../model");
const intrinsics_1 = require("../intrinsics");
exports.VERBS = new Set([...model_1.ALL_METHODS, 'ANY']);
function normaliseMethod(m) {
    const up = m.trim().toUpperCase();
    if (up === 'X-AMAZON-APIGATEWAY-ANY-METHOD')
        return 'ANY';
    return exports.VERBS.has(up) ? up : undefined;
}
function joinPath(parent, part) {
    return parent === '/' ? `/${part}` : `${parent}/${part}`;
}
/** Path and query parameters a method's response depends on: `{id}` → method.request.path.id, `{proxy+}` → ...path.proxy. */
function selectingParams(method) {
    const out = new Set();
    for (const m of method.path.matchAll(/\{([^}+]+)\+?\}/g))
        out.add(`method.request.path.${m[1]}`);
    for (const p of method.requestParams)
        if (/^method\.request\.(path|querystring|multivaluequerystring)\./.test(p))
            out.add(p);
    return [...out];
}
function resolved(r) {
    return r.known ? r.value : undefined;
}
function markIncomplete(api, why) {
    if (api.complete)
        api.incompleteWhy = why;
    api.complete = false;
}
function stringList(reader, r) {
    if (!r.known)
        return r;
    const l = reader.resolver.list(r.value);
    if (!l.known)
        return l;
    return { known: true, value: l.value.map(String) };
}
function stringMap(reader, path) {
    const out = {};
    if (!path)
        return out;
    for (const [key, v] of Object.entries(reader.obj(path)?.value ?? {})) {
        const s = resolved((0, intrinsics_1.asString)(reader.resolver.resolve(v)));
        if (s !== undefined)
            out[key] = s;
    }
    return out;
}
/**
 * `Cache-Control: no-store` mapped in an integration response (§1.12). Proxy integrations cannot map headers:
 * known(undefined) there, and the endpoint says noStoreSettable: false.
 */
function integrationNoStore(reader, integrationPath, type, responsesKey, paramsKey) {
    if (!integrationPath || (type && type.endsWith('_PROXY')))
        return (0, model_1.known)(undefined);
    const responses = reader.node([...integrationPath, responsesKey]);
    if (!responses || !('value' in responses) || !responses.value || typeof responses.value !== 'object')
        return (0, model_1.known)(undefined);
    const keys = Array.isArray(responses.value) ? responses.value.map((_, i) => i) : Object.keys(responses.value);
    for (const key of keys) {
        const params = reader.obj([...responses.path, key, paramsKey]);
        if (!params)
            continue;
        for (const [name, v] of Object.entries(params.value)) {
            if (name.toLowerCase() !== 'method.response.header.cache-control')
                continue;
            const at = reader.at([...params.path, name]);
            const s = (0, intrinsics_1.asString)(reader.resolver.resolve(v));
            if (!s.known)
                return (0, model_1.unknown)(s.why, at);
            if (/no-store/i.test(s.value) && /^'.*'$/.test(s.value.trim()))
                return (0, model_1.known)({ cacheControl: s.value.trim().slice(1, -1), at, source: 'integration response mapping' });
        }
    }
    return (0, model_1.known)(undefined);
}
