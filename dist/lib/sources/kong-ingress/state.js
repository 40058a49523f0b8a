"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildIngressState = buildIngressState;
const model_1 = require("../../model");
const state_1 = require("../kong/state");
const manifests_1 = require("./manifests");
const PLUGINS_ANNOTATION = 'konghq.com/plugins';
const METHODS_ANNOTATION = 'konghq.com/methods';
const KONG_GROUP = 'configuration.konghq.com';
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
    const wanted = new Set(text.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean));
    return model_1.ALL_METHODS.filter((m) => wanted.has(m));
}
function buildIngressState(objects) {
    const errors = [];
    const plugins = indexBy(objects, 'KongPlugin');
    const clusterPlugins = indexBy(objects, 'KongClusterPlugin');
    const services = indexBy(objects, 'Service');
    const facades = indexBy(objects, 'KongServiceFacade');
    const groupsByName = indexBy(objects, 'KongConsumerGroup');
    const kongIngresses = indexBy(objects, 'KongIngress');
    const state = { services: [], routes: [], consumers: [], consumerGroups: [], plugins: [], facts: [] };
    const relations = new Map();
    const relationsOf = (def) => {
        let r = relations.get(def);
        if (!r)
            relations.set(def, (r = { def, consumers: [], groups: [], routes: [], services: [] }));
        return r;
    };
    /** Resolves the plugin names of `konghq.com/plugins` on `owner`; reports names no scanned file defines. */
    const pluginRefs = (owner) => {
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
            const def = pick(plugins.get(`${ns}/${name}`), owner.file) ?? (colon >= 0 ? undefined : pick(clusterPlugins.get(name), owner.file));
            if (def)
                out.push(def);
            else
                errors.push((0, manifests_1.errorAt)(owner, ['metadata', 'annotations', PLUGINS_ANNOTATION], 'unresolved-reference', `${PLUGINS_ANNOTATION} on ${owner.id} names plugin "${ref}", but no scanned file defines KongPlugin ${ns}/${name}${colon >= 0 ? '' : ` or KongClusterPlugin ${name}`}: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`));
        }
        return out;
    };
    // Services: one Kong service per Service / KongServiceFacade definition; a backend no scanned file defines still
    // gets one (it can carry no plugin annotation we could miss: those live on the Service object).
    const serviceOf = new Map();
    const serviceFor = (def, fallbackId, at) => {
        const key = def ?? fallbackId;
        let s = serviceOf.get(key);
        if (!s) {
            s = { kind: 'service', key: `s${state.services.length}`, label: def ? def.id : fallbackId, at: def ? (0, manifests_1.locOf)(def, ['metadata', 'name']) : at };
            serviceOf.set(key, s);
            state.services.push(s);
            if (def)
                for (const p of pluginRefs(def))
                    relationsOf(p).services.push(s);
        }
        return s;
    };
    for (const o of objects)
        if (o.kind === 'Service' || o.kind === 'KongServiceFacade')
            serviceFor(o, o.id, (0, manifests_1.locOf)(o, []));
    /** The Kong service behind a backend reference (Ingress `backend`, HTTPRoute `backendRefs[]`). */
    const backendService = (owner, kind, ns, name, at) => {
        const index = kind === 'KongServiceFacade' ? facades : services;
        return serviceFor(pick(index.get(`${ns}/${name}`), owner.file), `${ns}/${kind}/${name}`, at);
    };
    // Consumer groups, then consumers (which name their groups).
    const groupOf = new Map();
    const groupFor = (def, fallbackId, at) => {
        const key = def ?? fallbackId;
        let g = groupOf.get(key);
        if (!g) {
            g = { kind: 'consumer_group', key: `g${state.consumerGroups.length}`, label: def ? def.id : fallbackId, at: def ? (0, manifests_1.locOf)(def, ['metadata', 'name']) : at };
            groupOf.set(key, g);
            state.consumerGroups.push(g);
            if (def)
                for (const p of pluginRefs(def))
                    relationsOf(p).groups.push(g);
        }
        return g;
    };
    for (const o of objects)
        if (o.kind === 'KongConsumerGroup')
            groupFor(o, o.id, (0, manifests_1.locOf)(o, []));
    for (const o of objects) {
        if (o.kind !== 'KongConsumer')
            continue;
        const groups = [];
        const names = Array.isArray(o.obj.consumerGroups) ? o.obj.consumerGroups : [];
        names.forEach((n, i) => {
            if (typeof n !== 'string')
                return;
            groups.push(groupFor(pick(groupsByName.get(`${o.namespace}/${n}`), o.file), `${o.namespace}/KongConsumerGroup/${n}`, (0, manifests_1.locOf)(o, ['consumerGroups', i])));
        });
        const consumer = { kind: 'consumer', key: `c${state.consumers.length}`, label: o.id, at: (0, manifests_1.locOf)(o, ['metadata', 'name']), groups };
        state.consumers.push(consumer);
        for (const p of pluginRefs(o))
            relationsOf(p).consumers.push(consumer);
    }
    // Routes.
    const findingIds = new Set();
    const addRoute = (owner, path, host, methods, service, at, extra = {}) => {
        // Read as kubectl users say it: `Ingress webhooks/webhooks /webhooks/github` (kind, namespace/name, host+path).
        const base = `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name} ${host ?? ''}${path}`;
        let id = base;
        for (let n = 2; findingIds.has(id); n++)
            id = `${base} (${n})`;
        findingIds.add(id);
        const details = { namespace: owner.namespace, kind: owner.kind, name: owner.name, document: String(owner.document), ...extra };
        if (host)
            details.hosts = host;
        const route = { kind: 'route', key: `r${state.routes.length}`, label: id, findingId: id, resource: owner.id, service, methods, paths: [path], at: (0, manifests_1.locOf)(owner, at), details };
        state.routes.push(route);
        return route;
    };
    for (const o of objects) {
        if (o.kind !== 'Ingress')
            continue;
        const methods = ingressMethods(o, kongIngresses, errors);
        const routes = [];
        const spec = (0, manifests_1.isRecord)(o.obj.spec) ? o.obj.spec : {};
        const backendOf = (b, at) => {
            if (!(0, manifests_1.isRecord)(b))
                return undefined;
            if ((0, manifests_1.isRecord)(b.service) && typeof b.service.name === 'string')
                return backendService(o, 'Service', o.namespace, b.service.name, (0, manifests_1.locOf)(o, [...at, 'service', 'name']));
            if (typeof b.serviceName === 'string')
                return backendService(o, 'Service', o.namespace, b.serviceName, (0, manifests_1.locOf)(o, [...at, 'serviceName']));
            if ((0, manifests_1.isRecord)(b.resource) && typeof b.resource.name === 'string') {
                const kind = typeof b.resource.kind === 'string' ? b.resource.kind : 'Service';
                return backendService(o, kind, o.namespace, b.resource.name, (0, manifests_1.locOf)(o, [...at, 'resource', 'name']));
            }
            return undefined;
        };
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
                routes.push(addRoute(o, path, host, methods, backendOf(p.backend, [...at, 'backend']), typeof p.path === 'string' ? [...at, 'path'] : at, extra));
            });
        });
        const dflt = (0, manifests_1.isRecord)(spec.defaultBackend) ? 'defaultBackend' : (0, manifests_1.isRecord)(spec.backend) ? 'backend' : undefined;
        if (dflt)
            routes.push(addRoute(o, '/', undefined, methods, backendOf(spec[dflt], ['spec', dflt]), ['spec', dflt], { defaultBackend: 'true' }));
        for (const p of pluginRefs(o))
            relationsOf(p).routes.push(...routes);
    }
    for (const o of objects) {
        if (o.kind !== 'HTTPRoute')
            continue;
        const spec = (0, manifests_1.isRecord)(o.obj.spec) ? o.obj.spec : {};
        const hosts = Array.isArray(spec.hostnames) ? spec.hostnames.filter((h) => typeof h === 'string') : [];
        const all = [];
        const rules = Array.isArray(spec.rules) ? spec.rules : [];
        rules.forEach((rule, i) => {
            if (!(0, manifests_1.isRecord)(rule))
                return;
            const refs = Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
            const first = refs.findIndex((b) => (0, manifests_1.isRecord)(b) && typeof b.name === 'string');
            let service;
            if (first >= 0) {
                const b = refs[first];
                const kind = typeof b.kind === 'string' ? b.kind : 'Service';
                const ns = typeof b.namespace === 'string' ? b.namespace : o.namespace;
                service = backendService(o, kind, ns, b.name, (0, manifests_1.locOf)(o, ['spec', 'rules', i, 'backendRefs', first, 'name']));
            }
            const matches = Array.isArray(rule.matches) && rule.matches.length ? rule.matches : [undefined];
            const routes = [];
            matches.forEach((m, j) => {
                const at = m === undefined ? ['spec', 'rules', i] : ['spec', 'rules', i, 'matches', j];
                const match = (0, manifests_1.isRecord)(m) ? m : {};
                const pathValue = (0, manifests_1.isRecord)(match.path) && typeof match.path.value === 'string' ? match.path.value : '/';
                let methods = (0, model_1.known)([...model_1.ALL_METHODS]);
                if (typeof match.method === 'string') {
                    const ms = methodsFromText(match.method);
                    methods = ms.length ? (0, model_1.known)(ms) : (0, model_1.unknown)(`HTTPRoute match method ${JSON.stringify(match.method)} is not an HTTP method cachelint knows`, (0, manifests_1.locOf)(o, [...at, 'method']));
                }
                const extra = { rule: String(i), match: String(j) };
                routes.push(addRoute(o, pathValue, hosts.length ? hosts.join(',') : undefined, methods, service, (0, manifests_1.isRecord)(match.path) ? [...at, 'path'] : at, extra));
            });
            // filters[] ExtensionRef → a KongPlugin (or KongClusterPlugin) on this rule's routes.
            const filters = Array.isArray(rule.filters) ? rule.filters : [];
            filters.forEach((f, k) => {
                if (!(0, manifests_1.isRecord)(f) || f.type !== 'ExtensionRef' || !(0, manifests_1.isRecord)(f.extensionRef))
                    return;
                const ref = f.extensionRef;
                if (ref.group !== KONG_GROUP)
                    return;
                const kind = ref.kind === 'KongClusterPlugin' ? 'KongClusterPlugin' : 'KongPlugin';
                const name = typeof ref.name === 'string' ? ref.name : '';
                const def = kind === 'KongPlugin' ? pick(plugins.get(`${o.namespace}/${name}`), o.file) : pick(clusterPlugins.get(name), o.file);
                if (def)
                    relationsOf(def).routes.push(...routes);
                else
                    errors.push((0, manifests_1.errorAt)(o, ['spec', 'rules', i, 'filters', k, 'extensionRef'], 'unresolved-reference', `filter ExtensionRef on ${o.id} names ${kind} ${kind === 'KongPlugin' ? `${o.namespace}/` : ''}${name}, but no scanned file defines it: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`));
            });
            all.push(...routes);
        });
        for (const p of pluginRefs(o))
            relationsOf(p).routes.push(...all);
    }
    // Plugin instances: every plugin named somewhere, and every global KongClusterPlugin.
    for (const o of objects) {
        if (o.kind === 'KongClusterPlugin' && (0, manifests_1.label)(o, 'global') === 'true')
            relationsOf(o);
    }
    for (const rel of relations.values()) {
        const def = rel.def;
        const base = readPluginDef(def, errors);
        if (!base)
            continue;
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
        const seen = new Set();
        for (const scope of scopes) {
            const k = [scope.consumer?.key, scope.consumerGroup?.key, scope.route?.key, scope.service?.key].join('|');
            if (seen.has(k))
                continue; // the same plugin named twice for one entity is one instance
            seen.add(k);
            state.plugins.push({ ...base, key: `${def.id}@${k}`, scope });
        }
    }
    return { state, errors };
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
/** The parts of a plugin instance every attachment of one KongPlugin / KongClusterPlugin shares; undefined when unusable. */
function readPluginDef(def, errors) {
    const o = def.obj;
    if (typeof o.plugin !== 'string' || !o.plugin) {
        errors.push((0, manifests_1.errorAt)(def, [], 'invalid-manifest', `${def.id} has no \`plugin:\` (the Kong plugin name): cachelint cannot tell what it does`));
        return undefined;
    }
    // A plugin limited to protocols Kong routes no HTTP on never runs for an Ingress/HTTPRoute request.
    if (Array.isArray(o.protocols) && o.protocols.length && !o.protocols.some((p) => p === 'http' || p === 'https'))
        return undefined;
    const at = (0, manifests_1.locOf)(def, ['plugin']);
    let enabled = (0, model_1.known)(true);
    if (o.disabled !== undefined && o.disabled !== null) {
        const d = o.disabled;
        if (typeof d === 'boolean')
            enabled = (0, model_1.known)(!d);
        else if (typeof d === 'string' && /^(true|false)$/i.test(d.trim()))
            enabled = (0, model_1.known)(d.trim().toLowerCase() !== 'true');
        else
            enabled = (0, model_1.unknown)(`disabled is ${JSON.stringify(d)}, not a boolean`, (0, manifests_1.locOf)(def, ['disabled']));
    }
    const enabledAt = 'disabled' in o ? (0, manifests_1.locOf)(def, ['disabled']) : at;
    let config;
    let configPath;
    if (o.configFrom !== undefined && o.configFrom !== null) {
        const ref = (0, manifests_1.isRecord)(o.configFrom) && (0, manifests_1.isRecord)(o.configFrom.secretKeyRef) ? o.configFrom.secretKeyRef : undefined;
        const ns = typeof ref?.namespace === 'string' ? ref.namespace : def.namespace;
        const secret = typeof ref?.name === 'string' ? `Secret ${ns ? `${ns}/` : ''}${ref.name}${typeof ref.key === 'string' ? ` (key ${ref.key})` : ''}` : 'a Secret';
        config = new state_1.OpaquePluginConfig(`the config of ${def.id} comes from ${secret} (configFrom), which a static scan cannot read`, (sub) => (0, manifests_1.locOf)(def, ['configFrom', ...sub]));
    }
    else {
        if (o.config !== undefined && o.config !== null && !(0, manifests_1.isRecord)(o.config))
            errors.push((0, manifests_1.errorAt)(def, ['config'], 'invalid-manifest', `${def.id}: config must be a mapping`));
        config = new state_1.LayeredPluginConfig((0, manifests_1.isRecord)(o.config) ? o.config : undefined, (sub) => (0, manifests_1.locOf)(def, ['config', ...sub]));
        if (Array.isArray(o.configPatches) && o.configPatches.length)
            config = new PatchedConfig(config, def);
        else
            configPath = { file: def.file, document: def.doc.index, path: [...def.base, 'config'] };
    }
    return { name: o.plugin, enabled, at, enabledAt, config, resource: def.id, ...(configPath ? { configPath } : {}) };
}
/** `configPatches` (KIC 3.x): JSON-patch paths whose values come from Secrets; reads of those keys are unknown. */
class PatchedConfig {
    inner;
    def;
    patched = new Map();
    constructor(inner, def) {
        this.inner = inner;
        this.def = def;
        def.obj.configPatches.forEach((p, i) => {
            if (!(0, manifests_1.isRecord)(p) || typeof p.path !== 'string')
                return;
            const key = p.path.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('/');
            const ref = (0, manifests_1.isRecord)(p.valueFrom) && (0, manifests_1.isRecord)(p.valueFrom.secretKeyRef) ? p.valueFrom.secretKeyRef : undefined;
            this.patched.set(key, { at: (0, manifests_1.locOf)(def, ['configPatches', i]), secret: typeof ref?.name === 'string' ? `Secret ${def.namespace ? `${def.namespace}/` : ''}${ref.name}` : 'a Secret' });
        });
    }
    unknownEntry(key, hit) {
        const why = `config ${key} of ${this.def.id} comes from ${hit.secret} (configPatches), which a static scan cannot read`;
        return { value: undefined, unknownWhy: why, at: hit.at, locate: () => hit.at };
    }
    get(key) {
        const hit = this.patched.get(key);
        return hit ? this.unknownEntry(key, hit) : this.inner.get(key);
    }
    getIn(key, sub) {
        const hit = this.patched.get(key) ?? this.patched.get(`${key}/${sub}`);
        return hit ? this.unknownEntry(`${key}/${sub}`, hit) : this.inner.getIn(key, sub);
    }
}
