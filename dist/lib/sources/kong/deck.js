"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KONG_FORMAT_VERSIONS = void 0;
exports.pathText = pathText;
exports.readDeckState = readDeckState;
const model_1 = require("../../model");
const yaml_1 = require("../../parse/yaml");
const placeholders_1 = require("./placeholders");
const plugins_1 = require("./plugins");
const routes_1 = require("./routes");
const state_1 = require("./state");
exports.KONG_FORMAT_VERSIONS = ['1.1', '2.1', '3.0'];
const FK_FIELDS = [
    ['service', 'service'],
    ['route', 'route'],
    ['consumer', 'consumer'],
    ['consumer_group', 'consumer_group'],
];
const str = (v) => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
/** The reference a foreign key names: a string, or `{ name }`, `{ id }`, `{ username }`. */
function refOf(v) {
    if (typeof v === 'string' || typeof v === 'number')
        return String(v);
    if ((0, placeholders_1.isRecord)(v))
        return str(v.id) ?? str(v.name) ?? str(v.username) ?? str(v.custom_id);
    return undefined;
}
function versionOf(v) {
    if (typeof v === 'string')
        return v.trim();
    if (typeof v === 'number')
        return Number.isInteger(v) ? `${v}.0` : String(v);
    return undefined;
}
function pathText(path) {
    let out = '';
    for (const seg of path)
        out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
    return out || '(root)';
}
class Registry {
    byRef = new Map();
    list = [];
    add(e, a, b, c) {
        this.list.push(e);
        this.ref(a, e);
        this.ref(b, e);
        this.ref(c, e);
    }
    ref(r, e) {
        if (r !== undefined && !this.byRef.has(r))
            this.byRef.set(r, e);
    }
    get(ref) {
        return this.byRef.get(ref);
    }
}
/** Reads a document the Kong adapter detected. Never throws on content: problems become located errors. */
// eslint-disable-next-line max-lines-per-function -- one entity kind after another in Kong's order; the steps share the per-file name indexes and error collector
function readDeckState(file, doc) {
    const root = doc.value;
    const errors = [];
    const facts = [];
    // A state patched by decK patch files (deck-patch.ts) says which file each member was written in.
    const fileAt = (path) => ('fileAt' in doc && doc.fileAt ? doc.fileAt(path) : file);
    const locate = (path) => {
        const l = doc.locate(path);
        return { file: fileAt(path), line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
    };
    const error = (code, message, path) => {
        const l = locate(path);
        errors.push({ file: l.file, line: l.line, column: l.column, code, message });
    };
    /** A location whose line is looked up only if something reads it (most entities never end up in a finding). */
    const lazyAt = (path) => new yaml_1.LazyLocation(fileAt(path), doc, path);
    /** Where an entity is named: its name key when it has one, else the entity. */
    const namedAt = (value, path, key = 'name') => lazyAt(key in value ? [...path, key] : path);
    // _format_version: required by Kong, one of 1.1, 2.1, 3.0 (docs/platforms/kong.md#declarative-config). decK split files often omit it.
    const version = versionOf(root._format_version);
    if ('_format_version' in root && (version === undefined || !exports.KONG_FORMAT_VERSIONS.includes(version)))
        error('unknown-format', `unknown Kong _format_version ${JSON.stringify(root._format_version)} (Kong accepts ${exports.KONG_FORMAT_VERSIONS.join(', ')}); judged as 3.0`, ['_format_version']);
    // decK `_info.defaults.route` fills fields a route leaves out before Kong sees it (docs/platforms/kong.md#deck). Service
    // defaults (protocol, timeouts, retries) decide nothing cachelint judges.
    const info = (0, placeholders_1.isRecord)(root._info) ? root._info : undefined;
    const routeDefaults = (0, placeholders_1.isRecord)(info?.defaults) && (0, placeholders_1.isRecord)(info.defaults.route) ? info.defaults.route : undefined;
    const selectTags = Array.isArray(info?.select_tags) ? info.select_tags.map(String) : undefined;
    const pluginConfigs = (0, placeholders_1.isRecord)(root._plugin_configs) ? root._plugin_configs : {};
    const reg = {
        service: new Registry(),
        route: new Registry(),
        consumer: new Registry(),
        consumer_group: new Registry(),
    };
    const pendingPlugins = [];
    const pendingRouteServices = [];
    const pendingMembership = [];
    const each = (parent, key, basePath, fn) => {
        if (!(0, placeholders_1.isRecord)(parent))
            return;
        const items = parent[key];
        if (items === undefined || items === null)
            return;
        if (!Array.isArray(items)) {
            error('parse', `Kong config: ${pathText([...basePath, key])}: ${key} must be a list`, [...basePath, key]);
            return;
        }
        items.forEach((item, i) => {
            if (!(0, placeholders_1.isRecord)(item)) {
                error('parse', `Kong config: ${pathText([...basePath, key, i])}: ${key}[${i}] must be a mapping`, [...basePath, key, i]);
                return;
            }
            fn(item, [...basePath, key, i], i);
        });
    };
    const plugins = (owner, ownerPath, parent) => each(owner, 'plugins', ownerPath, (p, path) => pendingPlugins.push({ value: p, path, parent }));
    const addRoute = (r, path, i, service) => {
        const label = str(r.name) ?? str(r.id) ?? (service ? `${service.label}/${i}` : `routes[${i}]`);
        const { methods, paths, expression } = routeMethods(r, path, routeDefaults, locate);
        const details = { routeName: label, routeIndexPath: pathText(path) };
        if (Array.isArray(r.hosts) && r.hosts.length)
            details.hosts = r.hosts.map(String).join(',');
        if (expression)
            details.expression = expression;
        const route = { kind: 'route', key: `r${reg.route.list.length}`, label, at: namedAt(r, path), findingId: label, service, methods, paths, details };
        reg.route.add(route, str(r.name), str(r.id));
        if (!service && r.service !== undefined && r.service !== null)
            pendingRouteServices.push({ route, value: r.service, path: [...path, 'service'] });
        plugins(r, path, { route });
    };
    each(root, 'services', [], (s, path, i) => {
        const e = { kind: 'service', key: `s${i}`, label: str(s.name) ?? str(s.id) ?? `services[${i}]`, at: namedAt(s, path) };
        reg.service.add(e, str(s.name), str(s.id));
        each(s, 'routes', path, (r, rpath, j) => addRoute(r, rpath, j, e));
        plugins(s, path, { service: e });
    });
    each(root, 'routes', [], (r, path, i) => addRoute(r, path, i, undefined));
    each(root, 'consumers', [], (c, path, i) => {
        const label = str(c.username) ?? str(c.custom_id) ?? str(c.id) ?? `consumers[${i}]`;
        const e = { kind: 'consumer', key: `c${i}`, label, at: namedAt(c, path, 'username'), groups: [] };
        reg.consumer.add(e, str(c.username), str(c.id), str(c.custom_id));
        plugins(c, path, { consumer: e });
        if (Array.isArray(c.groups))
            for (const g of c.groups) {
                const ref = refOf(g);
                if (ref)
                    pendingMembership.push({ consumer: e, ref });
            }
    });
    each(root, 'consumer_groups', [], (g, path, i) => {
        const label = str(g.name) ?? str(g.id) ?? `consumer_groups[${i}]`;
        const e = { kind: 'consumer_group', key: `g${i}`, label, at: namedAt(g, path) };
        reg.consumer_group.add(e, str(g.name), str(g.id));
        plugins(g, path, { consumerGroup: e });
        if (Array.isArray(g.consumers))
            for (const c of g.consumers) {
                const ref = refOf(c);
                if (ref)
                    pendingMembership.push({ group: e, ref });
            }
    });
    plugins(root, [], {});
    /** Resolves a foreign key; undefined when unresolved (an error, or a CL006 fact when a placeholder names it). */
    const resolve = (v, kind, path, what, plugin) => {
        const ref = refOf(v);
        const placeholder = ref === undefined ? undefined : (0, placeholders_1.findPlaceholder)(ref);
        if (placeholder) {
            if (plugin && (0, plugins_1.isRelevantPlugin)(plugin))
                facts.push({
                    kind: 'unresolved-setting',
                    resource: plugin,
                    route: `plugin ${plugin}`,
                    findingId: `${plugin}@${pathText(path)}`,
                    at: locate(path),
                    reason: { kind: 'plugin-scope', plugin: what, why: (0, placeholders_1.placeholderWhy)(placeholder, 'which entity it is attached to') },
                    blocks: (0, plugins_1.cacheKindOf)(plugin) ? ['CL001', 'CL002', 'CL004'] : plugins_1.AUTH_PLUGINS.has(plugin) ? ['CL004'] : ['CL003'],
                    flavor: 'kong',
                    platform: 'kong',
                });
            return undefined;
        }
        const hit = ref === undefined ? undefined : reg[kind].get(ref);
        if (!hit)
            error('unresolved-reference', `${what} refers to ${kind.replace('_', ' ')} ${ref ?? JSON.stringify(v)}, which this file does not define`, path);
        return hit;
    };
    for (const { route, value, path } of pendingRouteServices) {
        const s = resolve(value, 'service', path, `route ${route.label}`);
        if (s)
            route.service = s;
    }
    // Membership lists often name consumers defined in another decK file; no scope depends on an unknown member.
    for (const m of pendingMembership) {
        const consumer = m.consumer ?? reg.consumer.get(m.ref);
        const group = m.group ?? reg.consumer_group.get(m.ref);
        if (consumer && group && !consumer.groups.includes(group))
            consumer.groups.push(group);
    }
    const statePlugins = [];
    for (const p of pendingPlugins) {
        const name = typeof p.value.name === 'string' ? p.value.name : undefined;
        if (!name) {
            error('parse', `Kong config: ${pathText(p.path)}: plugin without a name`, p.path);
            continue;
        }
        // _config is checked on every plugin (a dangling reference is a broken file whatever the plugin).
        const ref = p.value._config;
        let shared;
        if (typeof ref === 'string') {
            if ((0, placeholders_1.isRecord)(pluginConfigs[ref]))
                shared = pluginConfigs[ref];
            else
                error('unresolved-reference', `plugin ${name} takes its config from _config "${ref}", which _plugin_configs does not define in this file`, [...p.path, '_config']);
        }
        const scope = { ...p.parent };
        let dropped = false;
        for (const [field, kind] of FK_FIELDS) {
            const v = p.value[field];
            if (v === undefined || v === null)
                continue;
            const hit = resolve(v, kind, [...p.path, field], `plugin ${name}`, name);
            if (!hit) {
                dropped = true; // its scope is an entity this file does not define: it applies to none of this file's routes
                continue;
            }
            if (kind === 'consumer_group')
                scope.consumerGroup = hit;
            else
                scope[kind] = hit;
        }
        if (dropped)
            continue;
        const own = (0, placeholders_1.isRecord)(p.value.config) ? p.value.config : undefined;
        const ownPath = [...p.path, 'config'];
        const sharedPath = ['_plugin_configs', String(ref)];
        const config = new state_1.LayeredPluginConfig(own, (sub) => lazyAt(sub.length ? [...ownPath, ...sub] : ownPath), shared, (sub) => lazyAt(sub.length ? [...sharedPath, ...sub] : sharedPath), shared ? `_plugin_configs.${String(ref)}` : undefined);
        const enabledPath = [...p.path, 'enabled'];
        const at = lazyAt([...p.path, 'name']);
        const enabledAt = 'enabled' in p.value ? lazyAt(enabledPath) : at;
        const plugin = { name, key: pathText(p.path), scope, enabled: enabledOf(name, p.value.enabled, () => enabledAt), at, enabledAt, config };
        // A patched state is not the text of any one file: its plugins are fixed by hand.
        if (!('fileAt' in doc && doc.fileAt) && 'index' in doc)
            plugin.configPath = { file, document: doc.index, path: ownPath };
        statePlugins.push(plugin);
    }
    const details = {};
    const formatVersion = root._format_version;
    if (formatVersion !== undefined)
        details.formatVersion = typeof formatVersion === 'string' ? formatVersion : JSON.stringify(formatVersion);
    if (selectTags)
        details.selectTags = selectTags.join(',');
    return {
        state: {
            services: reg.service.list,
            routes: reg.route.list,
            consumers: reg.consumer.list,
            consumerGroups: reg.consumer_group.list,
            plugins: statePlugins,
            facts,
            details,
        },
        errors,
    };
}
/** decK `enabled`: default true; `false` (or the string "false") disables; a placeholder makes it unknown. */
function enabledOf(name, v, at) {
    const ph = (0, placeholders_1.findPlaceholder)(v);
    if (ph)
        return (0, model_1.unknown)((0, placeholders_1.placeholderWhy)(ph, `whether ${name} is enabled`), at());
    return (0, model_1.known)(!(v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false')));
}
/** The route's methods and paths after decK defaults; expression routes are read conservatively (routes.ts). */
function routeMethods(r, routePath, defaults, locate) {
    const present = (o, k) => o !== undefined && o[k] !== undefined && o[k] !== null;
    // A route's own field wins over the decK default; the location is wherever the deciding value is written.
    const pick = (k) => present(r, k) ? { value: r[k], own: true, k } : present(defaults, k) ? { value: defaults[k], own: false, k } : undefined;
    // Paths only for the few values that end up located (placeholders, unreadable expressions and lists).
    const at = (p) => locate(p.own ? [...routePath, p.k] : ['_info', 'defaults', 'route', p.k]);
    const rawPaths = pick('paths');
    let paths = Array.isArray(rawPaths?.value) ? rawPaths.value.map(String) : [];
    const expr = pick('expression');
    if (expr) {
        const ph = (0, placeholders_1.findPlaceholder)(expr.value);
        if (ph)
            return { methods: (0, model_1.unknown)((0, placeholders_1.placeholderWhy)(ph, 'the route expression'), at(expr)), paths: paths.length ? paths : ['/'], expression: String(expr.value) };
        if (typeof expr.value !== 'string')
            return { methods: (0, model_1.unknown)(`route expression is ${JSON.stringify(expr.value)}, not a string`, at(expr)), paths: paths.length ? paths : ['/'] };
        const res = (0, routes_1.methodsFromExpression)(expr.value);
        if (!res.ok)
            return { methods: (0, model_1.unknown)(res.why, at(expr)), paths: paths.length ? paths : ['/'], expression: expr.value };
        if (!paths.length)
            paths = res.paths;
        return { methods: (0, model_1.known)(res.methods), paths: paths.length ? paths : ['/'], expression: expr.value };
    }
    if (!paths.length)
        paths = ['/'];
    // Stream routes (tcp, tls, udp, tls_passthrough) carry no HTTP method, and HTTP caching plugins never run on them.
    const protocols = pick('protocols');
    if (Array.isArray(protocols?.value) && protocols.value.length && !protocols.value.some((p) => /^(http|https|grpc|grpcs|ws|wss)$/i.test(String(p))))
        return { methods: (0, model_1.known)([]), paths };
    const m = pick('methods');
    if (!m)
        return { methods: (0, model_1.known)([...model_1.ALL_METHODS]), paths }; // absent = all methods (docs/platforms/kong.md#declarative-config)
    const ph = (0, placeholders_1.findPlaceholder)(m.value);
    if (ph)
        return { methods: (0, model_1.unknown)((0, placeholders_1.placeholderWhy)(ph, 'the route methods'), at(m)), paths };
    const res = (0, routes_1.methodsFromList)(m.value);
    if (!res.ok)
        return { methods: (0, model_1.unknown)(res.why, at(m)), paths };
    return { methods: (0, model_1.known)(res.methods), paths };
}
