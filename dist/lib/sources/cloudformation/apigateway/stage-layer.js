"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.endpointFor = endpointFor;
const model_1 = require("../../../model");
const api_model_1 = require("./api-model");
const stages_1 = require("./stages");
const DEFAULT_TTL = 300;
const ANY_CAVEAT = 'How caching treats requests routed through an ANY method is UNCONFIRMED (docs/platforms/api-gateway.md#any-and-proxy)';
/** One endpoint: (stage, path, method) with the stage cache layer when the cluster can cache it. */
function endpointFor(reader, index, api, stage, m) {
    // ANY catches the verbs the resource does not declare itself (docs/platforms/api-gateway.md#any-and-proxy).
    const declared = new Set(index
        .methodsOn(api, m.path)
        .filter((x) => x.httpMethod !== 'ANY')
        .map((x) => x.httpMethod));
    const methods = m.httpMethod === 'ANY' ? model_1.ALL_METHODS.filter((v) => !declared.has(v)) : [m.httpMethod];
    const findingId = `${m.path === '/' ? '' : m.path}/${m.httpMethod}`;
    const endpoint = {
        platform: 'apigateway',
        resource: stage?.resource ?? api.id,
        route: `${m.httpMethod} ${m.path}`,
        findingId,
        methods: (0, model_1.known)(methods),
        paths: [m.path],
        at: m.at,
        caches: [],
        noStore: m.noStore,
        noStoreSettable: m.integrationType?.endsWith('_PROXY') ? false : undefined,
        identity: m.identity.length ? m.identity : undefined,
        flavor: reader.flavor,
        ...(m.authorizationType ? { authorizer: { type: m.authorizationType, identitySources: m.identitySources } } : {}),
        ...(m.integrationType?.endsWith('_PROXY') ? { proxyIntegration: true } : {}),
        ...(m.requestRequired && Object.keys(m.requestRequired).length ? { requestParameters: m.requestRequired } : {}),
        details: {
            restApi: api.id,
            stage: stage?.resource ?? '',
            stageName: stage ? (stage.stageName.known ? stage.stageName.value : '') : '',
            httpMethod: m.httpMethod,
            methodLogicalId: m.logicalId,
        },
    };
    if (stage) {
        const layer = stageLayer({ reader, index, stage, m, methods });
        if (layer)
            endpoint.caches.push(layer);
    }
    return endpoint;
}
function stageLayer(input) {
    const { index, stage, m, methods } = input;
    if (stage.cluster.known && !stage.cluster.value)
        return undefined;
    const explicit = explicitSettings(index.settingsOn(stage, m.path), m, methods);
    const { explicitOn, explicitOff, explicitUnknown, pathStar } = explicit;
    const wide = index.stageWide(stage);
    if (explicitOn.size > 0 || (explicitUnknown && methods.some((v) => !explicitOff.has(v))))
        return methodLayer(input, explicit, wide);
    // Pinned off explicitly: the stage cache stores nothing for this method, but it still sits in front of it (CL003).
    const pathWildcardOn = pathStar.find((s) => {
        const c = (0, stages_1.effectiveCaching)(s.caching, s.ttl);
        return c?.known === true && c.value;
    });
    if (wide?.on || pathWildcardOn)
        return wildcardLayer(input, explicit, wide, pathWildcardOn);
    if (wide && wide.on === undefined && wide.why)
        unresolvedForReads(input, wide.why);
    return undefined;
}
// Per verb: explicit on / off / unknown (every entry counts: any on wins, §6 "evaluate every entry").
function explicitSettings(onPath, m, methods) {
    const own = onPath.filter((s) => s.method && s.method !== '*' && (s.method === m.httpMethod || m.httpMethod === 'ANY'));
    const pathStar = onPath.filter((s) => s.method === '*');
    const isAny = m.httpMethod === 'ANY';
    const explicitOn = new Map();
    const explicitOff = new Set();
    let explicitUnknown;
    for (const s of own) {
        const c = (0, stages_1.effectiveCaching)(s.caching, s.ttl);
        if (!c)
            continue;
        const verbs = (s.method === 'ANY' ? (isAny ? [...model_1.ALL_METHODS] : []) : [s.method]).filter((v) => methods.includes(v));
        if (!isAny && s.method !== m.httpMethod)
            continue;
        for (const v of verbs) {
            if (!c.known)
                explicitUnknown ??= { s, v: c };
            else if (c.value)
                explicitOn.set(v, s);
            else
                explicitOff.add(v);
        }
    }
    for (const v of explicitOn.keys())
        explicitOff.delete(v);
    for (const s of pathStar) {
        const c = (0, stages_1.effectiveCaching)(s.caching, s.ttl);
        if (c?.known && !c.value)
            for (const v of methods)
                if (!explicitOn.has(v))
                    explicitOff.add(v);
    }
    return { explicitOn, explicitOff, explicitUnknown, pathStar };
}
/** An explicit per-method setting decides for this method (§1.4). */
function methodLayer(input, { explicitOn, explicitOff, explicitUnknown }, wide) {
    const { stage, m, methods } = input;
    const label = (0, stages_1.stageLabel)(stage);
    const clusterUnknown = !stage.cluster.known ? stage.cluster : undefined;
    const first = explicitOn.values().next().value ?? explicitUnknown.s;
    const caveats = m.httpMethod === 'ANY' ? [ANY_CAVEAT] : [];
    let cached;
    if (clusterUnknown)
        cached = (0, model_1.unknown)(`the cache cluster (CacheClusterEnabled) of stage ${label}: ${clusterUnknown.why}`, clusterUnknown.at);
    else if (explicitUnknown && explicitOn.size === 0 && !explicitUnknown.v.known)
        cached = (0, model_1.unknown)(explicitUnknown.v.why, explicitUnknown.v.at);
    else {
        const verbs = new Set(explicitOn.keys());
        if (wide?.on)
            for (const v of ['GET', 'HEAD'])
                if (methods.includes(v) && !explicitOff.has(v))
                    verbs.add(v);
        cached = (0, model_1.known)(model_1.ALL_METHODS.filter((v) => verbs.has(v)));
    }
    if (!methods.some(model_1.isUnsafe) && !cached.known) {
        unresolvedForReads(input, cached);
        return undefined;
    }
    const layer = cacheLayer(input, explicitOff, first.at, 'method', cached, first.ttl ?? wide?.ttl, caveats);
    if (first.fixPath && first.method)
        layer.fixTargets = { methodSetting: { ...first.fixPath, httpMethod: first.method } };
    return layer;
}
/** `<path>` + `*` or the stage-wide `*` + `*` caches the reads (GET-only, UNCONFIRMED at runtime). */
function wildcardLayer(input, { explicitOff }, wide, pathWildcardOn) {
    const { stage, m, methods } = input;
    const label = (0, stages_1.stageLabel)(stage);
    const clusterUnknown = !stage.cluster.known ? stage.cluster : undefined;
    const isAny = m.httpMethod === 'ANY';
    const reads = ['GET', 'HEAD'].filter((v) => methods.includes(v) && !explicitOff.has(v));
    if (clusterUnknown) {
        unresolvedForReads(input, (0, model_1.unknown)(`the cache cluster (CacheClusterEnabled) of stage ${label}: ${clusterUnknown.why}`, clusterUnknown.at));
        return undefined;
    }
    const at = pathWildcardOn?.at ?? wide.at;
    const caveats = [...(wide?.caveats ?? [stages_1.STAGE_WIDE_CAVEAT]), ...(isAny ? [ANY_CAVEAT] : [])];
    const layer = cacheLayer(input, explicitOff, at, 'stage-wide', (0, model_1.known)(reads.length ? ['GET', 'HEAD'] : []), pathWildcardOn?.ttl ?? wide?.ttl, caveats);
    // One setting for many methods: findings it causes are one per stage (or path), not one per method.
    layer.id = `${pathWildcardOn ? `${m.path === '/' ? '' : m.path}/*` : '*/*'}@${label}`;
    if (stage.settingsFixPath)
        layer.fixTargets = { methodSettings: stage.settingsFixPath };
    return layer;
}
/** What the method's cache key covers: missing selectors, the caller's identity, the body. */
function keyOf(m) {
    const cacheKey = m.cacheKey;
    const covered = new Set();
    if (cacheKey.known)
        for (const k of cacheKey.value) {
            covered.add(k);
            if (Object.hasOwn(m.integrationParams, k) && m.integrationParams[k])
                covered.add(m.integrationParams[k]);
        }
    const keyMissing = cacheKey.known ? (0, api_model_1.selectingParams)(m).filter((p) => !covered.has(p)) : [];
    const sources = m.identitySources.map((x) => x.toLowerCase());
    const identityInKey = [...covered].some((k) => /^method\.request\.header\.authorization$/i.test(k) || sources.includes(k.toLowerCase()) || /^context\.(authorizer|identity)\./.test(k));
    // The authorizer's identity source is the evidence that responses depend on the caller (CL004). AWS_IAM has none
    // worth keying: its Authorization is a per-request SigV4 signature.
    const identityNotKeyed = m.authenticated.known && m.authenticated.value && !identityInKey && m.authorizationType !== 'AWS_IAM'
        ? m.identitySources.length
            ? m.identitySources
            : [`the identity source of the ${m.authorizationType ?? 'method'} authorizer (not readable from this template)`]
        : undefined;
    const bodyInKey = cacheKey.known && cacheKey.value.some((k) => /^method\.request\.body/.test(Object.hasOwn(m.integrationParams, k) ? m.integrationParams[k] : ''));
    const keyIncludesIdentity = !m.authenticated.known ? (0, model_1.unknown)(m.authenticated.why, m.at) : (0, model_1.known)(!m.authenticated.value || identityInKey);
    return { keyMissing, identityNotKeyed, bodyInKey, keyIncludesIdentity };
}
function cacheLayer({ stage, m }, explicitOff, at, scope, cached, ttl, caveats) {
    const label = (0, stages_1.stageLabel)(stage);
    const cacheKey = m.cacheKey;
    const { keyMissing, identityNotKeyed, bodyInKey, keyIncludesIdentity } = keyOf(m);
    const t = ttl?.known ? ttl.value : DEFAULT_TTL;
    const layer = {
        kind: 'apigateway-stage-cache',
        name: scope === 'stage-wide' ? `stage ${label} cache (*/*)` : `stage ${label}: MethodSetting ${m.path} ${explicitVerbs(cached)}`,
        at,
        scope,
        cachedMethods: cached,
        ttl: ttl && !ttl.known ? (0, model_1.unknown)(ttl.why, ttl.at) : (0, model_1.known)({ min: 0, default: t, max: t }),
        honorsOriginNoStore: (0, model_1.known)(false), // §1.12: assumed not honoured; rely on CachingEnabled
        key: cacheKey.known ? (0, model_1.known)(bodyInKey ? [...cacheKey.value, 'body'] : cacheKey.value) : cacheKey,
        keyIncludesIdentity,
        keyMissing: keyMissing.length ? keyMissing : undefined,
        ...(identityNotKeyed ? { identityNotKeyed } : {}),
        caveats: caveats.length ? caveats : undefined,
        details: { stage: stage.resource, stageName: label, ...(bodyInKey ? { bodyInKey: 'true' } : {}) },
    };
    if (scope === 'stage-wide')
        layer.pinnedOffMethods = model_1.UNSAFE_METHODS.filter((v) => explicitOff.has(v));
    return layer;
}
function explicitVerbs(v) {
    return v.known ? v.value.join('/') : '(unresolved)';
}
/** Stage-wide caching that cannot be resolved: it decides CL004/CL007 for the methods, reported once per stage. */
function unresolvedForReads({ reader, index, stage }, v) {
    if (v.known)
        return;
    const findingId = `stage:${stage.resource}`;
    const reported = index.reportedStages;
    if (reported.has(stage.resource))
        return;
    reported.add(stage.resource);
    reader.facts.push({
        kind: 'unresolved-setting',
        resource: stage.resource,
        route: `stage ${(0, stages_1.stageLabel)(stage)}`,
        findingId,
        at: v.at,
        reason: { kind: 'stage-caching', stage: (0, stages_1.stageLabel)(stage), why: v.why },
        blocks: ['CL004', 'CL007'],
        flavor: reader.flavor,
        platform: 'apigateway',
    });
}
