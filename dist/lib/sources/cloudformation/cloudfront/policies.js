"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GET_HEAD = void 0;
exports.methodList = methodList;
exports.cacheLayer = cacheLayer;
exports.templatePolicy = templatePolicy;
exports.responseHeadersNoStore = responseHeadersNoStore;
const model_1 = require("../../../model");
const intrinsics_1 = require("../intrinsics");
const references_1 = require("../references");
const managed_policies_1 = require("../managed-policies");
const template_1 = require("../template");
const LEGACY_CAVEAT = 'Legacy ForwardedValues TTL defaults (MinTTL 0, DefaultTTL 86400, MaxTTL 31536000): the MinTTL default is UNCONFIRMED (docs/platforms/cloudfront.md#ttls)';
exports.GET_HEAD = ['GET', 'HEAD'];
function methodList(reader, r) {
    if (!r.known)
        return r;
    const l = reader.resolver.list(r.value);
    if (!l.known)
        return l;
    const out = new Set();
    for (const m of l.value) {
        const up = String(m).toUpperCase();
        if (!model_1.ALL_METHODS.includes(up))
            return { known: false, why: `${String(m)} is not an HTTP method` };
        out.add(up);
    }
    return { known: true, value: model_1.ALL_METHODS.filter((m) => out.has(m)) }; // compared as sets, canonical order
}
/** The cache of one behaviour: CachePolicyId (managed or template policy) or legacy ForwardedValues. */
function cacheLayer(reader, path) {
    const layer = cacheLayerOf(reader, path);
    const behavior = reader.valuePath(path);
    if (layer && behavior)
        layer.fixTargets = { ...layer.fixTargets, behavior };
    return layer;
}
function cacheLayerOf(reader, path) {
    const b = (reader.raw(path) ?? {});
    const cachedMethods = reader.value([...path, 'CachedMethods'], (r) => methodList(reader, r)) ?? (0, model_1.known)(exports.GET_HEAD);
    const forwarded = originRequestForwards(reader, path);
    // null / AWS::NoValue count as absent: the behaviour then uses its legacy fields.
    const id = b.CachePolicyId !== undefined ? reader.value([...path, 'CachePolicyId'], intrinsics_1.asString) : undefined;
    if (id) {
        const at = reader.at([...path, 'CachePolicyId']);
        const refId = templatePolicy(reader, b.CachePolicyId, 'AWS::CloudFront::CachePolicy');
        if (refId)
            return withForwarded(templatePolicyLayer(reader, refId, at, cachedMethods), forwarded);
        if (!id.known)
            return layerOf('cloudfront-cache-policy', 'cache policy (unresolved)', at, cachedMethods, (0, model_1.unknown)(`the cache policy ${id.why}`, id.at), (0, model_1.unknown)(id.why, id.at), (0, model_1.known)(true));
        const managed = managed_policies_1.MANAGED_CACHE_POLICIES[id.value.trim().toLowerCase()];
        if (!managed) {
            const why = `cache policy ${id.value} is not an AWS managed policy cachelint knows and not defined in this template`;
            return layerOf('cloudfront-cache-policy', `cache policy ${id.value}`, at, cachedMethods, (0, model_1.unknown)(why, at), (0, model_1.unknown)(why, at), (0, model_1.known)(true));
        }
        const layer = layerOf('cloudfront-cache-policy', managed.name, at, cachedMethods, (0, model_1.known)(managed.ttl), (0, model_1.known)(managed.key), (0, model_1.known)(true));
        layer.caveats = managed.caveats;
        layer.details = { policyId: id.value, policy: managed.name };
        return withForwarded(layer, forwarded);
    }
    // Legacy cache settings on the behaviour (§2.2).
    const at = reader.at([...path, b.ForwardedValues !== undefined ? 'ForwardedValues' : 'TargetOriginId']);
    const num = (key, dflt) => reader.value([...path, key], intrinsics_1.asNumber) ?? (0, model_1.known)(dflt);
    const min = num('MinTTL', 0);
    const def = num('DefaultTTL', 86400);
    const max = num('MaxTTL', 31536000);
    const headers = reader.value([...path, 'ForwardedValues', 'Headers'], (r) => {
        const l = r.known ? reader.resolver.list(r.value) : r;
        return l.known ? { known: true, value: l.value.map((h) => String(h).toLowerCase()) } : l;
    });
    const ttl = combineTtl(min, def, max);
    const key = [];
    if (headers?.known)
        key.push(...headers.value.map((h) => `header:${h}`));
    const qs = reader.value([...path, 'ForwardedValues', 'QueryString'], intrinsics_1.asBoolean);
    if (qs?.known && qs.value) {
        const qsKeys = namesAt(reader, [...path, 'ForwardedValues', 'QueryStringCacheKeys']);
        key.push(...keyEntries('querystring', qsKeys.length ? 'whitelist' : 'all', qsKeys));
    }
    const cookies = reader.value([...path, 'ForwardedValues', 'Cookies', 'Forward'], intrinsics_1.asString);
    if (cookies?.known)
        key.push(...keyEntries('cookie', cookies.value, namesAt(reader, [...path, 'ForwardedValues', 'Cookies', 'WhitelistedNames'])));
    const allHeaders = headers?.known && headers.value.includes('*');
    const layer = layerOf('cloudfront-forwarded-values', 'ForwardedValues (legacy cache settings)', at, allHeaders ? (0, model_1.known)([]) : cachedMethods, ttl, (0, model_1.known)(key), (0, model_1.known)(true));
    layer.caveats = [LEGACY_CAVEAT, ...(allHeaders ? ["Headers ['*'] disables caching (docs/platforms/cloudfront.md#ttls)"] : [])];
    if (allHeaders)
        layer.ttl = (0, model_1.known)({ min: 0, default: 0, max: 0 });
    if (allHeaders)
        layer.honorsOriginNoStore = (0, model_1.known)(true);
    return layer;
}
/** The names a whitelist lists (query strings, cookies), as written. */
function namesAt(reader, path) {
    return reader.items(path).map((i) => String(i.value));
}
/**
 * Cache key entries of one request part by its behaviour: `all` → `cookie:*`; `whitelist` → one entry per name;
 * `allExcept` → `cookie:* except a, b`; `none` → nothing.
 */
function keyEntries(part, behaviour, names) {
    if (behaviour === 'none')
        return [];
    if (behaviour === 'whitelist')
        return names.map((n) => `${part}:${n}`);
    if (behaviour === 'allExcept')
        return [`${part}:* except ${names.join(', ')}`];
    return [`${part}:*`];
}
function combineTtl(min, def, max) {
    for (const v of [min, def, max])
        if (!v.known)
            return v;
    return (0, model_1.known)({ min: min.value, default: def.value, max: max.value });
}
function layerOf(kind, name, at, cachedMethods, ttl, key, keyIncludesIdentity) {
    // MaxTTL 0 (CachingDisabled): nothing is stored.
    const stores = !ttl.known || ttl.value.max > 0 || ttl.value.default > 0;
    return {
        kind,
        name,
        at,
        scope: 'behavior',
        cachedMethods: stores ? cachedMethods : (0, model_1.known)([]),
        ttl,
        honorsOriginNoStore: ttl.known ? (0, model_1.known)(ttl.value.min === 0) : ttl,
        key,
        keyIncludesIdentity,
    };
}
function templatePolicyLayer(reader, policyId, at, cachedMethods) {
    const base = ['Resources', policyId, 'Properties', 'CachePolicyConfig'];
    const num = (k, dflt) => reader.value([...base, k], intrinsics_1.asNumber) ?? (dflt !== undefined ? (0, model_1.known)(dflt) : (0, model_1.unknown)(`${policyId} has no ${k}`, reader.at(base)));
    const ttl = combineTtl(num('MinTTL'), num('DefaultTTL', 86400), num('MaxTTL', 31536000));
    const p = [...base, 'ParametersInCacheKeyAndForwardedToOrigin'];
    const key = [];
    const headerBehavior = reader.value([...p, 'HeadersConfig', 'HeaderBehavior'], intrinsics_1.asString);
    const headers = reader.items([...p, 'HeadersConfig', 'Headers']).map((h) => String(h.value).toLowerCase());
    if (headerBehavior?.known && headerBehavior.value === 'whitelist')
        key.push(...headers.map((h) => `header:${h}`));
    const qs = reader.value([...p, 'QueryStringsConfig', 'QueryStringBehavior'], intrinsics_1.asString);
    if (qs?.known)
        key.push(...keyEntries('querystring', qs.value, namesAt(reader, [...p, 'QueryStringsConfig', 'QueryStrings'])));
    const ck = reader.value([...p, 'CookiesConfig', 'CookieBehavior'], intrinsics_1.asString);
    if (ck?.known)
        key.push(...keyEntries('cookie', ck.value, namesAt(reader, [...p, 'CookiesConfig', 'Cookies'])));
    // A CDK user edits the CachePolicy construct, not the Distribution line that points at it.
    const policyPath = reader.at(['Resources', policyId]).constructPath;
    const layer = layerOf('cloudfront-cache-policy', policyPath ? `CachePolicy ${policyPath}` : `CachePolicy ${policyId}`, at, cachedMethods, ttl, (0, model_1.known)(key), (0, model_1.known)(true));
    layer.details = { policy: policyId, ...(policyPath ? { policyPath } : {}) };
    const config = reader.valuePath(base);
    if (config)
        layer.fixTargets = { cachePolicyConfig: config };
    return layer;
}
/**
 * The logical id of a policy of this template that a behaviour points at: `!Ref P`, `!GetAtt P.Id`, `!Sub ${P}` or
 * `!Sub ${P.Id}` (all give the policy id). Undefined for managed IDs, parameters and anything else.
 */
function templatePolicy(reader, raw, type) {
    const target = (0, references_1.refTarget)(raw);
    if (!target || (target.attr !== undefined && target.attr !== 'Id'))
        return undefined;
    return reader.typeOf(target.id) === type ? target.id : undefined;
}
/**
 * The behaviour's origin request policy (template or managed); undefined when there is none or it cannot be read.
 * Authorization is never in it: AWS rejects an origin request policy that forwards it (HTTP 400), so a template one
 * that lists it does not deploy and the name is dropped here.
 */
function originRequestForwards(reader, path) {
    const raw = reader.raw(path)?.OriginRequestPolicyId;
    if (raw === undefined)
        return undefined;
    const ref = templatePolicy(reader, raw, 'AWS::CloudFront::OriginRequestPolicy');
    if (ref) {
        const base = ['Resources', ref, 'Properties', 'OriginRequestPolicyConfig'];
        const part = (config, behaviourKey, listKey) => {
            const b = (0, intrinsics_1.asString)(reader.resolver.resolve(reader.raw([...base, config, behaviourKey])));
            if (!b.known)
                return [];
            if (/^all/.test(b.value))
                return 'all'; // all, allViewer, allViewerAndWhitelistCloudFront, allExcept
            if (b.value !== 'whitelist')
                return [];
            return namesAt(reader, [...base, config, listKey]).map((n) => n.toLowerCase());
        };
        return {
            headers: part('HeadersConfig', 'HeaderBehavior', 'Headers'),
            cookies: part('CookiesConfig', 'CookieBehavior', 'Cookies'),
            queryStrings: part('QueryStringsConfig', 'QueryStringBehavior', 'QueryStrings'),
        };
    }
    const id = (0, intrinsics_1.asString)(reader.resolver.resolve(raw));
    const managed = id.known ? managed_policies_1.MANAGED_ORIGIN_REQUEST_POLICIES[id.value.trim().toLowerCase()] : undefined;
    if (!managed)
        return undefined;
    return {
        headers: managed.headers === 'allViewer' ? 'all' : managed.headers,
        cookies: managed.cookies === 'all' ? 'all' : [],
        queryStrings: managed.queryStrings === 'all' ? 'all' : [],
    };
}
/**
 * What the origin request policy sends that the cache key leaves out (`cookie:*`, `header:x-user-id`, `header:*`,
 * `querystring:*`): the origin can answer by it while the cache serves one entry for every value. The key separates
 * callers unless a cookie or an identity header is among them.
 */
function withForwarded(layer, forwarded) {
    if (!forwarded || !layer.key.known)
        return layer;
    const key = layer.key.value;
    const out = [];
    for (const [part, sent] of [
        ['header', forwarded.headers],
        ['cookie', forwarded.cookies],
        ['querystring', forwarded.queryStrings],
    ]) {
        if (key.some((k) => k.startsWith(`${part}:*`)))
            continue; // the key already varies on every value
        if (sent === 'all')
            out.push(`${part}:*`);
        else
            for (const n of sent)
                if (n !== 'authorization' && !key.includes(`${part}:${n}`))
                    out.push(`${part}:${n}`);
    }
    if (out.length === 0)
        return layer;
    layer.forwardedNotKeyed = out;
    layer.keyIncludesIdentity = (0, model_1.known)(!out.some(model_1.carriesIdentity));
    return layer;
}
/** ResponseHeadersPolicyId → a Cache-Control custom header containing no-store with Override: true (§2.5). */
function responseHeadersNoStore(reader, path) {
    const raw = reader.raw(path)?.ResponseHeadersPolicyId;
    if (raw === undefined)
        return (0, model_1.known)(undefined);
    const at = reader.at([...path, 'ResponseHeadersPolicyId']);
    const ref = templatePolicy(reader, raw, 'AWS::CloudFront::ResponseHeadersPolicy');
    if (ref) {
        const items = reader.items(['Resources', ref, 'Properties', 'ResponseHeadersPolicyConfig', 'CustomHeadersConfig', 'Items']);
        // Override: false keeps the origin's Cache-Control where it sent one: a partial policy, unless an item overrides.
        let keepsOrigin;
        for (const item of items) {
            if (item.unresolved !== undefined)
                return (0, model_1.unknown)(`a custom header of ${ref} cannot be resolved: ${item.unresolved}`, reader.at(item.path));
            const header = reader.value([...item.path, 'Header'], intrinsics_1.asString);
            if (!header?.known || header.value.toLowerCase() !== 'cache-control')
                continue;
            const value = reader.value([...item.path, 'Value'], intrinsics_1.asString);
            const override = reader.value([...item.path, 'Override'], intrinsics_1.asBoolean);
            const itemAt = reader.at(item.path);
            if (!value || !override)
                continue;
            if (!value.known)
                return (0, model_1.unknown)(value.why, value.at);
            if (!override.known)
                return (0, model_1.unknown)(override.why, override.at);
            if (/no-store/i.test(value.value) && override.value && item.condition)
                return (0, model_1.unknown)(`the Cache-Control: ${value.value} header of ${ref}: ${(0, template_1.branchWhy)(item.condition)}`, itemAt);
            if (/no-store/i.test(value.value) && override.value)
                return (0, model_1.known)({ cacheControl: value.value, at: itemAt, source: `ResponseHeadersPolicy ${ref}` });
            if (/no-store/i.test(value.value) && !item.condition)
                keepsOrigin ??= {
                    cacheControl: value.value,
                    at: reader.at([...item.path, 'Override']),
                    source: `ResponseHeadersPolicy ${ref}`,
                    partial: {
                        kind: 'override-false',
                        setting: `ResponseHeadersPolicy ${ref}`,
                        missing: 'Override: true',
                        leaves: "responses whose origin sends a Cache-Control keep the origin's value (CloudFront adds the custom header only when the origin sent none)",
                    },
                };
        }
        return (0, model_1.known)(keepsOrigin);
    }
    const id = (0, intrinsics_1.asString)(reader.resolver.resolve(raw));
    if (!id.known)
        return (0, model_1.unknown)(`the response headers policy ${id.why}`, at);
    if (managed_policies_1.MANAGED_RESPONSE_HEADERS_POLICIES[id.value.toLowerCase()])
        return (0, model_1.known)(undefined); // managed: no Cache-Control (UNCONFIRMED, §2.4)
    return (0, model_1.unknown)(`response headers policy ${id.value} is not defined in this template: whether it sets Cache-Control is unknown`, at);
}
