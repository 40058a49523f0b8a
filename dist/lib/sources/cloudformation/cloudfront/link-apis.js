"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patternMatches = void 0;
exports.linkApis = linkApis;
const model_1 = require("../../../model");
const behaviours_1 = require("./behaviours");
/** A CloudFront path pattern as a regex: `*` any characters (slashes included), `?` one character. */
function patternRegex(pattern) {
    return new RegExp('^' +
        (0, behaviours_1.normalisePattern)(pattern)
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.') +
        '$');
}
const patternMatches = (pattern, path) => patternRegex(pattern).test(path);
exports.patternMatches = patternMatches;
/** Puts each behaviour's layer in front of the API endpoints it serves (first matching behaviour wins). */
function linkApis(behaviours, origins, apiEndpoints) {
    // Each pattern compiled once, not once per API endpoint: undefined for the default behaviour (matches all), null
    // for a pattern decided at deploy time (matches nothing).
    const matchers = behaviours.map((b) => (b.pattern === undefined ? undefined : b.deployTime ? null : patternRegex(b.pattern)));
    for (const origin of origins.values()) {
        if (!origin.apiId)
            continue;
        for (const ref of apiEndpoints.get(origin.apiId) ?? []) {
            if (!ref.stageName.known || !ref.stageName.value)
                continue;
            const sample = (ref.endpoint.paths[0] ?? '/').replace(/\{[^}]+\}/g, 'x');
            const viewer = viewerPath(origin, ref.stageName.value, sample);
            if (viewer === undefined)
                continue;
            // The first behaviour whose pattern matches decides; it serves this endpoint only if it goes to this origin.
            const b = behaviours.find((_, i) => matchers[i] === undefined || (matchers[i] !== null && matchers[i].test(viewer)));
            if (!b || b.originId !== origin.id || !b.layer)
                continue;
            // CloudFront answers methods a behaviour does not allow with 403: only the allowed ones reach the API through it.
            const linked = frontLayer(b.layer, ref.endpoint);
            if (b.allowed.known && ref.endpoint.methods.known) {
                const allowed = b.allowed.value;
                if (!ref.endpoint.methods.value.some((m) => allowed.includes(m)))
                    continue;
                if (ref.endpoint.methods.value.some((m) => !allowed.includes(m)))
                    linked.admits = [...allowed];
            }
            ref.endpoint.caches.unshift(linked);
            if (ref.endpoint.noStore.known && ref.endpoint.noStore.value === undefined && b.noStore.known && b.noStore.value)
                ref.endpoint.noStore = b.noStore;
        }
    }
}
/**
 * The behaviour's layer as it sits in front of one API endpoint: an API authorizer header that the origin request
 * policy forwards but the cache key leaves out is caller identity the API answers by (`x-device-attestation`).
 */
function frontLayer(layer, endpoint) {
    const out = { ...layer, details: { ...layer.details, via: 'cloudfront' } };
    const fwd = layer.forwardedNotKeyed ?? [];
    const keyed = layer.key.known ? layer.key.value : [];
    const headers = (endpoint.authorizer?.identitySources ?? [])
        .map((src) => /^method\.request\.header\.(.+)$/i.exec(src)?.[1])
        .filter((h) => !!h && h.toLowerCase() !== 'authorization')
        .filter((h) => !keyed.includes(`header:${h.toLowerCase()}`) && (fwd.includes('header:*') || fwd.includes(`header:${h.toLowerCase()}`)));
    if (headers.length) {
        out.identityNotKeyed = headers.map((h) => `header:${h}`);
        out.keyIncludesIdentity = (0, model_1.known)(false);
    }
    return out;
}
/** The viewer path that reaches `apiPath` on `stage` through this origin, or undefined when it cannot. */
function viewerPath(origin, stage, apiPath) {
    if (!origin?.apiId)
        return undefined;
    const prefix = `/${stage}`;
    if (!origin.originPath)
        return prefix + (apiPath === '/' ? '' : apiPath) || '/';
    if (origin.originPath === prefix)
        return apiPath;
    if (origin.originPath.startsWith(prefix + '/')) {
        const rest = origin.originPath.slice(prefix.length);
        return apiPath.startsWith(rest) ? apiPath.slice(rest.length) || '/' : undefined;
    }
    return undefined;
}
