"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildKongModel = buildKongModel;
const model_1 = require("../../model");
const plugins_1 = require("./plugins");
const precedence_1 = require("./precedence");
const routes_1 = require("./routes");
// Layers of the known caches first, in a stable order; third-party caches after them by name.
const CACHE_ORDER = ['proxy-cache', 'proxy-cache-advanced', 'graphql-proxy-cache-advanced', 'ai-semantic-cache'];
const cacheOrder = (name) => {
    const i = CACHE_ORDER.indexOf(name);
    return i < 0 ? CACHE_ORDER.length : i;
};
/**
 * Builds the model of one Kong state. Per route and per plugin name, the single most specific enabled instance
 * applies (disabled instances never shadow; they are recorded as `inertCacheInstances` when a broader enabled cache
 * still runs → CL009). Consumer- and consumer-group-scoped caching instances that would replace the consumer-less one
 * for some caller become extra layers with `details.findingSuffix` `@consumer:<name>` / `@consumer-group:<name>`.
 * Linear: lookups go through maps keyed by scope, never route × plugin scans.
 */
function buildKongModel(state, options) {
    const { file, flavor } = options;
    const index = new precedence_1.PluginIndex(state.plugins.filter((p) => (0, plugins_1.isRelevantPlugin)(p.name)));
    const names = index.names();
    const cacheNames = names.filter((n) => (0, plugins_1.cacheKindOf)(n)).sort((a, b) => cacheOrder(a) - cacheOrder(b) || a.localeCompare(b));
    const authNames = names.filter((n) => plugins_1.AUTH_PLUGINS.has(n)).sort();
    const noStoreNames = plugins_1.NO_STORE_PLUGINS.filter((n) => names.includes(n));
    const layers = new LayerCache();
    const policies = new NoStorePolicies(index, noStoreNames);
    const endpoints = [];
    for (const route of state.routes) {
        const ctx = identityContext(index, authNames, route);
        const applied = [];
        const caches = cacheLayers(index, cacheNames, route, ctx, layers, applied);
        const inert = inertInstances(index, cacheNames, route, applied);
        const policy = policies.policyFor(route);
        endpoints.push(endpointOf(state, route, ctx, caches, policy, inert, flavor));
    }
    const facts = state.facts.map((f) => (f.flavor === flavor ? f : { ...f, flavor }));
    return { file, endpoints, facts };
}
/** One layer object per plugin instance and caller view: a global cache over 10,000 routes is built once. */
class LayerCache {
    layerCache = new Map();
    // The common view (no auth plugin, no consumer suffix) by plugin key alone: no key string built per route.
    plainLayers = new Map();
    layerFor(p, ctx, suffix) {
        if (!ctx.identity.length && !ctx.identityUnknown && suffix === undefined) {
            let plain = this.plainLayers.get(p.key);
            if (!plain)
                this.plainLayers.set(p.key, (plain = (0, plugins_1.cacheLayerFor)(p, ctx, { findingSuffix: undefined })));
            return plain;
        }
        const k = `${p.key}|${ctx.identity.join(',')}|${ctx.consumerless?.join(',') ?? ''}|${ctx.identityUnknown ? 'u' : ''}|${suffix ?? ''}`;
        let layer = this.layerCache.get(k);
        if (!layer)
            this.layerCache.set(k, (layer = (0, plugins_1.cacheLayerFor)(p, ctx, { findingSuffix: suffix })));
        return layer;
    }
}
/** The auth plugins in effect on the route: who the caller is, and whether the cache key can hold them. */
function identityContext(index, authNames, route) {
    const identity = [];
    const consumerless = [];
    let identityUnknown;
    for (const n of authNames) {
        const inst = index.applied(n, route);
        if (!inst)
            continue;
        const enabled = inst.plugin.enabled;
        if (!enabled.known)
            identityUnknown ??= { why: enabled.why, at: enabled.at };
        else {
            identity.push(n);
            if ((0, plugins_1.setsNoConsumer)(inst.plugin))
                consumerless.push(n);
        }
    }
    return { identity, identityUnknown, ...(consumerless.length ? { consumerless } : {}) };
}
/** The route's cache layers: per caching plugin, the applied instance (recorded in `applied`), then consumer variants. */
function cacheLayers(index, cacheNames, route, ctx, layers, applied) {
    const caches = [];
    for (const n of cacheNames) {
        const main = index.applied(n, route);
        if (main) {
            applied.push(main);
            caches.push(narrowUnverified(layers.layerFor(main.plugin, ctx), route));
        }
        for (const v of index.consumerVariants(n, route)) {
            const scope = v.plugin.scope;
            const who = scope.consumer ? `@consumer:${scope.consumer.label}` : `@consumer-group:${scope.consumerGroup.label}`;
            caches.push(narrowUnverified(layers.layerFor(v.plugin, ctx, who), route));
        }
    }
    return caches;
}
/** Disabled caching instances that a broader enabled instance outlives on this route (CL009). */
function inertInstances(index, cacheNames, route, applied) {
    const inert = [];
    for (const n of cacheNames) {
        for (const d of index.disabledFor(n, route)) {
            if (!applied.some((a) => a.rank > d.rank))
                continue; // nothing broader still runs: the disabled one exempts nothing
            inert.push({ name: d.plugin.name, id: d.plugin.resource ?? `${d.plugin.name}@${(0, precedence_1.scopeId)(d.plugin)}`, scope: (0, precedence_1.scopeText)(d.plugin), at: d.plugin.enabledAt });
        }
    }
    return inert;
}
/**
 * The no-store policy of a route, one per set of response-transformer instances in effect: a global transformer
 * over 10,000 routes is read once (like LayerCache, endpoints share what their settings share).
 */
class NoStorePolicies {
    index;
    names;
    byInstances = new Map();
    constructor(index, names) {
        this.index = index;
        this.names = names;
    }
    policyFor(route) {
        const applied = [];
        for (const n of this.names) {
            const inst = this.index.applied(n, route);
            if (inst)
                applied.push(inst.plugin);
        }
        const key = applied.map((p) => p.key).join('\0');
        let policy = this.byInstances.get(key);
        if (!policy)
            this.byInstances.set(key, (policy = (0, plugins_1.noStorePolicy)(applied.map((inst) => ({ inst, read: (0, plugins_1.noStoreEntries)(inst) })))));
        return policy;
    }
}
function endpointOf(state, route, ctx, caches, policy, inert, flavor) {
    const service = route.service;
    const details = { ...state.details, ...route.details };
    if (service)
        details.service = service.label;
    if (policy.coverage)
        details.noStoreCoverage = policy.coverage;
    const endpoint = {
        platform: 'kong',
        resource: route.resource ?? (service ? `${service.label}/${route.label}` : route.label),
        route: (0, routes_1.routeText)(route.methods.known ? route.methods.value : undefined, route.paths),
        name: route.label,
        findingId: route.findingId,
        methods: route.methods,
        paths: route.paths,
        caches,
        noStore: policy.value,
        identity: ctx.identity,
        flavor,
        details,
        // Not looked up here: the readers' locations resolve their line on first read (LazyLocation).
        at: route.at,
    };
    const matchPaths = (0, routes_1.plainPaths)(route.paths);
    if (matchPaths)
        endpoint.matchPaths = matchPaths;
    if (inert.length)
        endpoint.inertCacheInstances = inert;
    return endpoint;
}
/**
 * A third-party cache on a route that accepts only safe methods can store nothing but those: which methods it caches
 * no longer decides CL001 there (its key still is unknown, and says so).
 */
function narrowUnverified(layer, route) {
    if (layer.kind !== 'kong-unverified-cache' || layer.cachedMethods.known || !route.methods.known || route.methods.value.some(model_1.isUnsafe))
        return layer;
    const plugin = layer.details?.plugin ?? layer.name;
    return {
        ...layer,
        cachedMethods: (0, model_1.known)([...route.methods.value]),
        keyIncludesIdentity: (0, model_1.unknown)(`third-party plugin ${plugin}: cachelint cannot verify whether its cache key separates callers`, layer.at),
        caveats: [...(layer.caveats ?? []), `${plugin} is assumed to cache at most the methods the route accepts`],
    };
}
