"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IngressStateBuilder = void 0;
exports.methodsFromText = methodsFromText;
exports.resolvePlugin = resolvePlugin;
exports.buildIngressState = buildIngressState;
const model_1 = require("../../model");
const manifests_1 = require("./manifests");
const plugin_def_1 = require("./plugin-def");
const httproute_1 = require("./httproute");
const PLUGINS_ANNOTATION = 'konghq.com/plugins';
const METHODS_ANNOTATION = 'konghq.com/methods';
/** Same-file definition first, then anywhere in the scan; the later one wins within each. */
function pick(defs, file) {
    if (!defs?.length)
        return undefined;
    for (let i = defs.length - 1; i >= 0; i--)
        if (defs[i].file === file)
            return defs[i];
    return defs[defs.length - 1];
}
function indexBy(objects, kind) {
    const m = new Map();
    for (const o of objects) {
        if (o.kind !== kind)
            continue;
        const k = o.namespace ? `${o.namespace}/${o.name}` : o.name;
        const list = m.get(k);
        if (list)
            list.push(o);
        else
            m.set(k, [o]);
    }
    return m;
}
/** Route methods from a comma list (`"GET, POST"`); verbs the model has no name for are left out. */
function methodsFromText(text) {
    const wanted = new Set(text
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter(Boolean));
    return model_1.ALL_METHODS.filter((m) => wanted.has(m));
}
function indexObjects(objects) {
    return {
        plugins: indexBy(objects, 'KongPlugin'),
        clusterPlugins: indexBy(objects, 'KongClusterPlugin'),
        services: indexBy(objects, 'Service'),
        facades: indexBy(objects, 'KongServiceFacade'),
        groupsByName: indexBy(objects, 'KongConsumerGroup'),
        kongIngresses: indexBy(objects, 'KongIngress'),
    };
}
/**
 * The one plugin-reference resolver: the first of `kinds` that the scan defines, a KongPlugin in `namespace`, a
 * KongClusterPlugin by name (annotations try both, `ns:name` and ExtensionRef name one kind).
 */
function resolvePlugin(index, from, namespace, name, kinds) {
    for (const kind of kinds) {
        const def = kind === 'KongPlugin' ? pick(index.plugins.get(`${namespace}/${name}`), from.file) : pick(index.clusterPlugins.get(name), from.file);
        if (def)
            return def;
    }
    return undefined;
}
function buildIngressState(objects) {
    const b = new IngressStateBuilder(objects, indexObjects(objects));
    readServices(b);
    readConsumers(b);
    readIngresses(b);
    (0, httproute_1.readHTTPRoutes)(b);
    addPluginInstances(b);
    return { state: b.state, errors: b.errors };
}
/** The Kong entities being built, each made once per definition, and which of them each plugin is named by. */
class IngressStateBuilder {
    objects;
    index;
    state = { services: [], routes: [], consumers: [], consumerGroups: [], plugins: [], facts: [] };
    errors = [];
    relations = new Map();
    serviceOf = new Map();
    groupOf = new Map();
    findingIds = new Set();
    constructor(objects, index) {
        this.objects = objects;
        this.index = index;
    }
    relationsOf(def) {
        let r = this.relations.get(def);
        if (!r)
            this.relations.set(def, (r = { def, consumers: [], groups: [], routes: [], services: [] }));
        return r;
    }
    /** Resolves the plugin names of `konghq.com/plugins` on `owner`; reports names no scanned file defines. */
    pluginRefs(owner) {
        const value = (0, manifests_1.annotation)(owner, PLUGINS_ANNOTATION);
        if (value === undefined)
            return [];
        const out = [];
        for (const raw of value.split(',')) {
            const ref = raw.trim();
            if (!ref)
                continue;
            const colon = ref.indexOf(':');
            const ns = colon >= 0 ? ref.slice(0, colon) : owner.namespace || 'default';
            const name = colon >= 0 ? ref.slice(colon + 1) : ref;
            const def = resolvePlugin(this.index, owner, ns, name, colon >= 0 ? ['KongPlugin'] : ['KongPlugin', 'KongClusterPlugin']);
            if (def)
                out.push(def);
            else
                this.errors.push((0, manifests_1.errorAt)(owner, ['metadata', 'annotations', PLUGINS_ANNOTATION], 'unresolved-reference', `${PLUGINS_ANNOTATION} on ${owner.id} names plugin "${ref}", but no scanned file defines KongPlugin ${ns}/${name}${colon >= 0 ? '' : ` or KongClusterPlugin ${name}`}: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`));
        }
        return out;
    }
    // One Kong service per Service / KongServiceFacade definition; a backend no scanned file defines still gets one (it
    // can carry no plugin annotation we could miss: those live on the Service object).
    serviceFor(def, fallbackId, at) {
        const key = def ?? fallbackId;
        let s = this.serviceOf.get(key);
        if (!s) {
            s = { kind: 'service', key: `s${this.state.services.length}`, label: def ? def.id : fallbackId, at: def ? (0, manifests_1.locOf)(def, ['metadata', 'name']) : at };
            this.serviceOf.set(key, s);
            this.state.services.push(s);
            if (def)
                for (const p of this.pluginRefs(def))
                    this.relationsOf(p).services.push(s);
        }
        return s;
    }
    /** The Kong service behind a backend reference (Ingress `backend`, HTTPRoute `backendRefs[]`). */
    backendService(owner, kind, ns, name, at) {
        const index = kind === 'KongServiceFacade' ? this.index.facades : this.index.services;
        return this.serviceFor(pick(index.get(`${ns}/${name}`), owner.file), `${ns}/${kind}/${name}`, at);
    }
    groupFor(def, fallbackId, at) {
        const key = def ?? fallbackId;
        let g = this.groupOf.get(key);
        if (!g) {
            g = {
                kind: 'consumer_group',
                key: `g${this.state.consumerGroups.length}`,
                label: def ? def.id : fallbackId,
                at: def ? (0, manifests_1.locOf)(def, ['metadata', 'name']) : at,
            };
            this.groupOf.set(key, g);
            this.state.consumerGroups.push(g);
            if (def)
                for (const p of this.pluginRefs(def))
                    this.relationsOf(p).groups.push(g);
        }
        return g;
    }
    addRoute(owner, path, host, methods, service, at, extra = {}) {
        // Read as kubectl users say it: `Ingress webhooks/webhooks /webhooks/github` (kind, namespace/name, host+path).
        const base = `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name} ${host ?? ''}${path}`;
        let id = base;
        for (let n = 2; this.findingIds.has(id); n++)
            id = `${base} (${n})`;
        this.findingIds.add(id);
        const details = { namespace: owner.namespace, kind: owner.kind, name: owner.name, document: String(owner.document), ...extra };
        if (host)
            details.hosts = host;
        const route = {
            kind: 'route',
            key: `r${this.state.routes.length}`,
            label: id,
            findingId: id,
            resource: owner.id,
            service,
            methods,
            paths: [path],
            at: (0, manifests_1.locOf)(owner, at),
            details,
        };
        this.state.routes.push(route);
        return route;
    }
}
exports.IngressStateBuilder = IngressStateBuilder;
function readServices(b) {
    for (const o of b.objects)
        if (o.kind === 'Service' || o.kind === 'KongServiceFacade')
            b.serviceFor(o, o.id, (0, manifests_1.locOf)(o, []));
}
/** Consumer groups, then consumers (which name their groups). */
function readConsumers(b) {
    for (const o of b.objects)
        if (o.kind === 'KongConsumerGroup')
            b.groupFor(o, o.id, (0, manifests_1.locOf)(o, []));
    for (const o of b.objects) {
        if (o.kind !== 'KongConsumer')
            continue;
        const groups = [];
        const names = Array.isArray(o.obj.consumerGroups) ? o.obj.consumerGroups : [];
        names.forEach((n, i) => {
            if (typeof n !== 'string')
                return;
            groups.push(b.groupFor(pick(b.index.groupsByName.get(`${o.namespace}/${n}`), o.file), `${o.namespace}/KongConsumerGroup/${n}`, (0, manifests_1.locOf)(o, ['consumerGroups', i])));
        });
        const consumer = { kind: 'consumer', key: `c${b.state.consumers.length}`, label: o.id, at: (0, manifests_1.locOf)(o, ['metadata', 'name']), groups };
        b.state.consumers.push(consumer);
        for (const p of b.pluginRefs(o))
            b.relationsOf(p).consumers.push(consumer);
    }
}
/** Ingress: one route per rule path and one for the default backend, all with the Ingress's methods. */
function readIngresses(b) {
    for (const o of b.objects) {
        if (o.kind !== 'Ingress')
            continue;
        const methods = ingressMethods(o, b.index.kongIngresses, b.errors);
        const routes = [];
        const spec = (0, manifests_1.isRecord)(o.obj.spec) ? o.obj.spec : {};
        const backendOf = (be, at) => ingressBackend(b, o, be, at);
        const rules = Array.isArray(spec.rules) ? spec.rules : [];
        rules.forEach((rule, i) => {
            if (!(0, manifests_1.isRecord)(rule))
                return;
            const host = typeof rule.host === 'string' ? rule.host : undefined;
            const paths = (0, manifests_1.isRecord)(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
            paths.forEach((p, j) => {
                if (!(0, manifests_1.isRecord)(p))
                    return;
                const at = ['spec', 'rules', i, 'http', 'paths', j];
                const path = typeof p.path === 'string' && p.path ? p.path : '/';
                const extra = typeof p.pathType === 'string' ? { pathType: p.pathType } : {};
                routes.push(b.addRoute(o, path, host, methods, backendOf(p.backend, [...at, 'backend']), typeof p.path === 'string' ? [...at, 'path'] : at, extra));
            });
        });
        const dflt = (0, manifests_1.isRecord)(spec.defaultBackend) ? 'defaultBackend' : (0, manifests_1.isRecord)(spec.backend) ? 'backend' : undefined;
        if (dflt)
            routes.push(b.addRoute(o, '/', undefined, methods, backendOf(spec[dflt], ['spec', dflt]), ['spec', dflt], { defaultBackend: 'true' }));
        for (const p of b.pluginRefs(o))
            b.relationsOf(p).routes.push(...routes);
    }
}
function ingressBackend(b, o, be, at) {
    if (!(0, manifests_1.isRecord)(be))
        return undefined;
    if ((0, manifests_1.isRecord)(be.service) && typeof be.service.name === 'string')
        return b.backendService(o, 'Service', o.namespace, be.service.name, (0, manifests_1.locOf)(o, [...at, 'service', 'name']));
    if (typeof be.serviceName === 'string')
        return b.backendService(o, 'Service', o.namespace, be.serviceName, (0, manifests_1.locOf)(o, [...at, 'serviceName']));
    if ((0, manifests_1.isRecord)(be.resource) && typeof be.resource.name === 'string') {
        const kind = typeof be.resource.kind === 'string' ? be.resource.kind : 'Service';
        return b.backendService(o, kind, o.namespace, be.resource.name, (0, manifests_1.locOf)(o, [...at, 'resource', 'name']));
    }
    return undefined;
}
/** Plugin instances: every plugin named somewhere, and every global KongClusterPlugin. */
function addPluginInstances(b) {
    for (const o of b.objects) {
        if (o.kind === 'KongClusterPlugin' && (0, manifests_1.label)(o, 'global') === 'true')
            b.relationsOf(o);
    }
    for (const rel of b.relations.values()) {
        const def = rel.def;
        const base = (0, plugin_def_1.readPluginDef)(def, b.errors);
        if (!base)
            continue;
        const seen = new Set();
        for (const scope of pluginScopes(rel)) {
            const k = [scope.consumer?.key, scope.consumerGroup?.key, scope.route?.key, scope.service?.key].join('|');
            if (seen.has(k))
                continue; // the same plugin named twice for one entity is one instance
            seen.add(k);
            b.state.plugins.push({ ...base, key: `${def.id}@${k}`, scope });
        }
    }
}
/** KIC's ForeignRelations.GetCombinations: consumers AND routes/services run per consumer on each of them. */
function pluginScopes(rel) {
    const def = rel.def;
    const scopes = [];
    if (rel.consumers.length) {
        if (rel.services.length + rel.routes.length) {
            for (const service of rel.services)
                for (const consumer of rel.consumers)
                    scopes.push({ service, consumer });
            for (const route of rel.routes)
                for (const consumer of rel.consumers)
                    scopes.push({ route, consumer });
        }
        else
            for (const consumer of rel.consumers)
                scopes.push({ consumer });
    }
    else {
        for (const consumerGroup of rel.groups)
            scopes.push({ consumerGroup });
        for (const service of rel.services)
            scopes.push({ service });
        for (const route of rel.routes)
            scopes.push({ route });
    }
    if (def.kind === 'KongClusterPlugin' && (0, manifests_1.label)(def, 'global') === 'true')
        scopes.push({});
    return scopes;
}
/** Route methods of an Ingress: `konghq.com/methods` wins over a KongIngress `route.methods` (KIC docs); none = all. */
function ingressMethods(o, kongIngresses, errors) {
    const text = (0, manifests_1.annotation)(o, METHODS_ANNOTATION);
    if (text !== undefined) {
        const ms = methodsFromText(text);
        if (ms.length)
            return (0, model_1.known)(ms);
        return (0, model_1.unknown)(`${METHODS_ANNOTATION} ${JSON.stringify(text)} names no HTTP method cachelint knows`, (0, manifests_1.locOf)(o, ['metadata', 'annotations', METHODS_ANNOTATION]));
    }
    const override = (0, manifests_1.annotation)(o, 'konghq.com/override');
    if (override !== undefined) {
        const ki = pick(kongIngresses.get(`${o.namespace}/${override.trim()}`), o.file);
        if (!ki)
            return (0, model_1.unknown)(`konghq.com/override names KongIngress ${o.namespace}/${override.trim()}, which no scanned file defines: its route.methods may restrict this Ingress`, (0, manifests_1.locOf)(o, ['metadata', 'annotations', 'konghq.com/override']));
        const route = (0, manifests_1.isRecord)(ki.obj.route) ? ki.obj.route : undefined;
        if (route && Array.isArray(route.methods) && route.methods.length) {
            const ms = methodsFromText(route.methods.map(String).join(','));
            if (ms.length)
                return (0, model_1.known)(ms);
            errors.push((0, manifests_1.errorAt)(ki, ['route', 'methods'], 'invalid-manifest', `KongIngress ${ki.id} route.methods names no HTTP method`));
        }
    }
    return (0, model_1.known)([...model_1.ALL_METHODS]);
}
