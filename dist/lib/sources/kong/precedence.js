"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PluginIndex = exports.PRECEDENCE = void 0;
exports.scopeText = scopeText;
exports.scopeId = scopeId;
/** Kong's documented order, most specific first: c = consumer, g = consumer group, r = route, s = service. */
exports.PRECEDENCE = ['crs', 'grs', 'cr', 'cs', 'gr', 'gs', 'rs', 'c', 'g', 'r', 's', ''];
const shapeOf = (p) => (p.scope.consumer ? 'c' : '') + (p.scope.consumerGroup ? 'g' : '') + (p.scope.route ? 'r' : '') + (p.scope.service ? 's' : '');
const keyOf = (c, g, r, s) => `${c?.key ?? ''}|${g?.key ?? ''}|${r?.key ?? ''}|${s?.key ?? ''}`;
/** The human scope of a plugin: 'global', 'service', 'route + service', 'consumer alice', 'consumer group vip + route'. */
function scopeText(p, withNames = false) {
    const parts = [];
    if (p.scope.consumer)
        parts.push(`consumer ${p.scope.consumer.label}`);
    if (p.scope.consumerGroup)
        parts.push(`consumer group ${p.scope.consumerGroup.label}`);
    if (p.scope.route)
        parts.push(withNames ? `route ${p.scope.route.label}` : 'route');
    if (p.scope.service)
        parts.push(withNames ? `service ${p.scope.service.label}` : 'service');
    return parts.length ? parts.join(' + ') : 'global';
}
/** A plugin instance's scope as an id part: `global`, `route:stripe`, `service:orders+consumer:alice`. */
function scopeId(p) {
    const parts = [];
    if (p.scope.route)
        parts.push(`route:${p.scope.route.label}`);
    if (p.scope.service)
        parts.push(`service:${p.scope.service.label}`);
    if (p.scope.consumer)
        parts.push(`consumer:${p.scope.consumer.label}`);
    if (p.scope.consumerGroup)
        parts.push(`consumer-group:${p.scope.consumerGroup.label}`);
    return parts.length ? parts.join('+') : 'global';
}
function addWho(m, who, p) {
    let w = m.get(p.name);
    if (!w)
        m.set(p.name, (w = { all: new Set(), byRoute: new Map(), byService: new Map() }));
    const put = (map, k) => {
        let set = map.get(k);
        if (!set)
            map.set(k, (set = new Set()));
        set.add(who);
    };
    if (p.scope.route)
        put(w.byRoute, p.scope.route.key);
    else if (p.scope.service)
        put(w.byService, p.scope.service.key);
    else
        w.all.add(who);
}
function candidates(m, name, route) {
    const w = m.get(name);
    if (!w)
        return [];
    const set = new Set(w.all);
    for (const e of w.byRoute.get(route.key) ?? [])
        set.add(e);
    if (route.service)
        for (const e of w.byService.get(route.service.key) ?? [])
            set.add(e);
    return [...set];
}
class PluginIndex {
    enabled = new Map();
    disabled = new Map();
    consumers = new Map();
    groups = new Map();
    /** Instances Kong would reject as a duplicate of the same name and scope (the first one is used). */
    duplicates = [];
    /** Plugins whose `enabled` is unknown count as enabled: the layer built from them says why it is uncertain. */
    constructor(plugins) {
        for (const p of plugins) {
            const shape = shapeOf(p);
            const rank = exports.PRECEDENCE.indexOf(shape);
            if (rank < 0)
                continue; // a combination Kong never matches (consumer + consumer group)
            const inst = { plugin: p, shape: shape, rank };
            const off = p.enabled.known && !p.enabled.value;
            const target = off ? this.disabled : this.enabled;
            let byKey = target.get(p.name);
            if (!byKey)
                target.set(p.name, (byKey = new Map()));
            const key = keyOf(p.scope.consumer, p.scope.consumerGroup, p.scope.route, p.scope.service);
            if (byKey.has(key)) {
                this.duplicates.push(inst);
                continue;
            }
            byKey.set(key, inst);
            if (off)
                continue;
            if (p.scope.consumer)
                addWho(this.consumers, p.scope.consumer, p);
            else if (p.scope.consumerGroup)
                addWho(this.groups, p.scope.consumerGroup, p);
        }
    }
    /** Plugin names with at least one instance, enabled or not. */
    names() {
        return [...new Set([...this.enabled.keys(), ...this.disabled.keys()])];
    }
    // The consumer-less keys of the last route asked about: callers go route by route, name by name.
    lastRoute;
    lastKeys = [];
    consumerlessKeys(route) {
        if (this.lastRoute !== route) {
            const s = route.service;
            this.lastRoute = route;
            this.lastKeys = s
                ? [keyOf(undefined, undefined, route, s), keyOf(undefined, undefined, route), keyOf(undefined, undefined, undefined, s), keyOf()]
                : [keyOf(undefined, undefined, route), keyOf()];
        }
        return this.lastKeys;
    }
    lookup(byKey, route, consumer, group) {
        if (!byKey)
            return undefined;
        if (!consumer && !group) {
            // Route+Service, Route, Service, Global: the only shapes that match without a consumer.
            for (const k of this.consumerlessKeys(route)) {
                const hit = byKey.get(k);
                if (hit)
                    return hit;
            }
            return undefined;
        }
        const s = route.service;
        for (const shape of exports.PRECEDENCE) {
            const wantC = shape.includes('c');
            const wantG = shape.includes('g');
            const wantS = shape.includes('s');
            if ((wantC && !consumer) || (wantG && !group) || (wantS && !s))
                continue;
            const hit = byKey.get(keyOf(wantC ? consumer : undefined, wantG ? group : undefined, shape.includes('r') ? route : undefined, wantS ? s : undefined));
            if (hit)
                return hit;
        }
        return undefined;
    }
    /** The instance that runs for requests on this route that no auth plugin tied to a consumer. */
    applied(name, route) {
        return this.lookup(this.enabled.get(name), route);
    }
    /** Disabled instances at consumer-less scopes that match this route (route+service, route, service, global). */
    disabledFor(name, route) {
        const byKey = this.disabled.get(name);
        if (!byKey)
            return [];
        const out = [];
        for (const k of this.consumerlessKeys(route)) {
            const hit = byKey.get(k);
            if (hit && !out.includes(hit))
                out.push(hit);
        }
        return out;
    }
    /**
     * Instances that run instead of the consumer-less one for some consumer or consumer group on this route, one per
     * distinct instance (Kong picks by the documented order; a consumer in several groups: the first group listed).
     */
    consumerVariants(name, route) {
        const byKey = this.enabled.get(name);
        if (!byKey)
            return [];
        const main = this.lookup(byKey, route);
        const out = new Set();
        for (const c of candidates(this.consumers, name, route)) {
            const hit = this.lookup(byKey, route, c, c.groups[0]);
            if (hit && hit !== main)
                out.add(hit);
        }
        for (const g of candidates(this.groups, name, route)) {
            const hit = this.lookup(byKey, route, undefined, g);
            if (hit && hit !== main)
                out.add(hit);
        }
        return [...out];
    }
}
exports.PluginIndex = PluginIndex;
