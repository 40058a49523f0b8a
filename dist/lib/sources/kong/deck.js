"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KONG_FORMAT_VERSIONS = void 0;
exports.pathText = pathText;
exports.readDeckState = readDeckState;
const model_1 = require("../../model");
const yaml_1 = require("../../parse/yaml");
const placeholders_1 = require("./placeholders");
const plugins_1 = require("./plugins");
const deck_routes_1 = require("./deck-routes");
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
function readDeckState(file, doc) {
    const reader = new DeckReader(file, doc);
    reader.checkFormatVersion();
    reader.readEntities();
    reader.resolveRouteServices();
    reader.resolveMembership();
    const statePlugins = reader.readPlugins();
    const { root, reg } = reader;
    const details = {};
    const formatVersion = root._format_version;
    if (formatVersion !== undefined)
        details.formatVersion = typeof formatVersion === 'string' ? formatVersion : JSON.stringify(formatVersion);
    if (reader.selectTags)
        details.selectTags = reader.selectTags.join(',');
    return {
        state: {
            services: reg.service.list,
            routes: reg.route.list,
            consumers: reg.consumer.list,
            consumerGroups: reg.consumer_group.list,
            plugins: statePlugins,
            facts: reader.facts,
            details,
        },
        errors: reader.errors,
    };
}
/** One pass over one document: entities first, then the references between them, then the plugins. */
class DeckReader {
    file;
    doc;
    root;
    errors = [];
    facts = [];
    reg = {
        service: new Registry(),
        route: new Registry(),
        consumer: new Registry(),
        consumer_group: new Registry(),
    };
    routeDefaults;
    selectTags;
    pluginConfigs;
    pendingPlugins = [];
    pendingRouteServices = [];
    pendingMembership = [];
    constructor(file, doc) {
        this.file = file;
        this.doc = doc;
        const root = doc.value;
        this.root = root;
        // decK `_info.defaults.route` fills fields a route leaves out before Kong sees it (docs/platforms/kong.md#deck). Service
        // defaults (protocol, timeouts, retries) decide nothing cachelint judges.
        const info = (0, placeholders_1.isRecord)(root._info) ? root._info : undefined;
        this.routeDefaults = (0, placeholders_1.isRecord)(info?.defaults) && (0, placeholders_1.isRecord)(info.defaults.route) ? info.defaults.route : undefined;
        this.selectTags = Array.isArray(info?.select_tags) ? info.select_tags.map(String) : undefined;
        this.pluginConfigs = (0, placeholders_1.isRecord)(root._plugin_configs) ? root._plugin_configs : {};
    }
    // A state patched by decK patch files (deck-patch.ts) says which file each member was written in.
    fileAt(path) {
        return 'fileAt' in this.doc && this.doc.fileAt ? this.doc.fileAt(path) : this.file;
    }
    locate = (path) => {
        const l = this.doc.locate(path);
        return { file: this.fileAt(path), line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
    };
    error(code, message, path) {
        const l = this.locate(path);
        this.errors.push({ file: l.file, line: l.line, column: l.column, code, message });
    }
    /** A location whose line is looked up only if something reads it (most entities never end up in a finding). */
    lazyAt(path) {
        return new yaml_1.LazyLocation(this.fileAt(path), this.doc, path);
    }
    /** Where an entity is named: its name key when it has one, else the entity. */
    namedAt(value, path, key = 'name') {
        return this.lazyAt(key in value ? [...path, key] : path);
    }
    checkFormatVersion() {
        // _format_version: required by Kong, one of 1.1, 2.1, 3.0 (docs/platforms/kong.md#declarative-config). decK split files often omit it.
        const root = this.root;
        const version = versionOf(root._format_version);
        if ('_format_version' in root && (version === undefined || !exports.KONG_FORMAT_VERSIONS.includes(version)))
            this.error('unknown-format', `unknown Kong _format_version ${JSON.stringify(root._format_version)} (Kong accepts ${exports.KONG_FORMAT_VERSIONS.join(', ')}); judged as 3.0`, ['_format_version']);
    }
    each(parent, key, basePath, fn) {
        if (!(0, placeholders_1.isRecord)(parent))
            return;
        const items = parent[key];
        if (items === undefined || items === null)
            return;
        if (!Array.isArray(items)) {
            this.error('parse', `Kong config: ${pathText([...basePath, key])}: ${key} must be a list`, [...basePath, key]);
            return;
        }
        items.forEach((item, i) => {
            if (!(0, placeholders_1.isRecord)(item)) {
                this.error('parse', `Kong config: ${pathText([...basePath, key, i])}: ${key}[${i}] must be a mapping`, [...basePath, key, i]);
                return;
            }
            fn(item, [...basePath, key, i], i);
        });
    }
    plugins(owner, ownerPath, parent) {
        this.each(owner, 'plugins', ownerPath, (p, path) => this.pendingPlugins.push({ value: p, path, parent }));
    }
    addRoute(r, path, i, service) {
        const label = str(r.name) ?? str(r.id) ?? (service ? `${service.label}/${i}` : `routes[${i}]`);
        const { methods, paths, expression } = (0, deck_routes_1.routeMethods)(r, path, this.routeDefaults, this.locate);
        const details = { routeName: label, routeIndexPath: pathText(path) };
        if (Array.isArray(r.hosts) && r.hosts.length)
            details.hosts = r.hosts.map(String).join(',');
        if (expression)
            details.expression = expression;
        const route = {
            kind: 'route',
            key: `r${this.reg.route.list.length}`,
            label,
            at: this.namedAt(r, path),
            findingId: label,
            service,
            methods,
            paths,
            details,
        };
        this.reg.route.add(route, str(r.name), str(r.id));
        if (!service && r.service !== undefined && r.service !== null)
            this.pendingRouteServices.push({ route, value: r.service, path: [...path, 'service'] });
        this.plugins(r, path, { route });
    }
    /** Services (with their nested routes), routes, consumers, consumer groups, then top-level plugins, in that order. */
    readEntities() {
        const { root, reg } = this;
        this.each(root, 'services', [], (s, path, i) => {
            const e = { kind: 'service', key: `s${i}`, label: str(s.name) ?? str(s.id) ?? `services[${i}]`, at: this.namedAt(s, path) };
            reg.service.add(e, str(s.name), str(s.id));
            this.each(s, 'routes', path, (r, rpath, j) => this.addRoute(r, rpath, j, e));
            this.plugins(s, path, { service: e });
        });
        this.each(root, 'routes', [], (r, path, i) => this.addRoute(r, path, i, undefined));
        this.each(root, 'consumers', [], (c, path, i) => {
            const label = str(c.username) ?? str(c.custom_id) ?? str(c.id) ?? `consumers[${i}]`;
            const e = { kind: 'consumer', key: `c${i}`, label, at: this.namedAt(c, path, 'username'), groups: [] };
            reg.consumer.add(e, str(c.username), str(c.id), str(c.custom_id));
            this.plugins(c, path, { consumer: e });
            if (Array.isArray(c.groups))
                for (const g of c.groups) {
                    const ref = refOf(g);
                    if (ref)
                        this.pendingMembership.push({ consumer: e, ref });
                }
        });
        this.each(root, 'consumer_groups', [], (g, path, i) => {
            const label = str(g.name) ?? str(g.id) ?? `consumer_groups[${i}]`;
            const e = { kind: 'consumer_group', key: `g${i}`, label, at: this.namedAt(g, path) };
            reg.consumer_group.add(e, str(g.name), str(g.id));
            this.plugins(g, path, { consumerGroup: e });
            if (Array.isArray(g.consumers))
                for (const c of g.consumers) {
                    const ref = refOf(c);
                    if (ref)
                        this.pendingMembership.push({ group: e, ref });
                }
        });
        this.plugins(root, [], {});
    }
    /** Resolves a foreign key; undefined when unresolved (an error, or a CL006 fact when a placeholder names it). */
    resolve(v, kind, path, what, plugin) {
        const ref = refOf(v);
        const placeholder = ref === undefined ? undefined : (0, placeholders_1.findPlaceholder)(ref);
        if (placeholder) {
            if (plugin && (0, plugins_1.isRelevantPlugin)(plugin))
                this.facts.push(this.placeholderScopeFact(plugin, path, what, placeholder));
            return undefined;
        }
        const hit = ref === undefined ? undefined : this.reg[kind].get(ref);
        if (!hit)
            this.error('unresolved-reference', `${what} refers to ${kind.replace('_', ' ')} ${ref ?? JSON.stringify(v)}, which this file does not define`, path);
        return hit;
    }
    /** A relevant plugin whose scope a placeholder names: which routes it runs on is unknown (CL006). */
    placeholderScopeFact(plugin, path, what, placeholder) {
        return {
            kind: 'unresolved-setting',
            resource: plugin,
            route: `plugin ${plugin}`,
            findingId: `${plugin}@${pathText(path)}`,
            at: this.locate(path),
            reason: { kind: 'plugin-scope', plugin: what, why: (0, placeholders_1.placeholderWhy)(placeholder, 'which entity it is attached to') },
            blocks: (0, plugins_1.cacheKindOf)(plugin) ? ['CL001', 'CL002', 'CL004'] : plugins_1.AUTH_PLUGINS.has(plugin) ? ['CL004'] : ['CL003'],
            flavor: 'kong',
            platform: 'kong',
        };
    }
    resolveRouteServices() {
        for (const { route, value, path } of this.pendingRouteServices) {
            const s = this.resolve(value, 'service', path, `route ${route.label}`);
            if (s)
                route.service = s;
        }
    }
    // Membership lists often name consumers defined in another decK file; no scope depends on an unknown member.
    resolveMembership() {
        for (const m of this.pendingMembership) {
            const consumer = m.consumer ?? this.reg.consumer.get(m.ref);
            const group = m.group ?? this.reg.consumer_group.get(m.ref);
            if (consumer && group && !consumer.groups.includes(group))
                consumer.groups.push(group);
        }
    }
    readPlugins() {
        const statePlugins = [];
        for (const p of this.pendingPlugins) {
            const plugin = this.readPlugin(p);
            if (plugin)
                statePlugins.push(plugin);
        }
        return statePlugins;
    }
    /** One plugin entry; undefined when it has no name or its scope is an entity this file does not define. */
    readPlugin(p) {
        const name = typeof p.value.name === 'string' ? p.value.name : undefined;
        if (!name) {
            this.error('parse', `Kong config: ${pathText(p.path)}: plugin without a name`, p.path);
            return undefined;
        }
        // _config is checked on every plugin (a dangling reference is a broken file whatever the plugin).
        const ref = p.value._config;
        const shared = this.sharedConfigOf(name, ref, p.path);
        const scope = this.scopeOf(name, p);
        if (!scope)
            return undefined;
        const own = (0, placeholders_1.isRecord)(p.value.config) ? p.value.config : undefined;
        const ownPath = [...p.path, 'config'];
        const sharedPath = ['_plugin_configs', String(ref)];
        const config = new state_1.LayeredPluginConfig(own, (sub) => this.lazyAt(sub.length ? [...ownPath, ...sub] : ownPath), shared, (sub) => this.lazyAt(sub.length ? [...sharedPath, ...sub] : sharedPath), shared ? `_plugin_configs.${String(ref)}` : undefined);
        const enabledPath = [...p.path, 'enabled'];
        const at = this.lazyAt([...p.path, 'name']);
        const enabledAt = 'enabled' in p.value ? this.lazyAt(enabledPath) : at;
        const plugin = { name, key: pathText(p.path), scope, enabled: enabledOf(name, p.value.enabled, () => enabledAt), at, enabledAt, config };
        // A patched state is not the text of any one file: its plugins are fixed by hand.
        if (!('fileAt' in this.doc && this.doc.fileAt) && 'index' in this.doc)
            plugin.configPath = { file: this.file, document: this.doc.index, path: ownPath };
        return plugin;
    }
    /** The `_plugin_configs` entry `_config` names, if any; a dangling name is an error. */
    sharedConfigOf(name, ref, path) {
        let shared;
        if (typeof ref === 'string') {
            if ((0, placeholders_1.isRecord)(this.pluginConfigs[ref]))
                shared = this.pluginConfigs[ref];
            else
                this.error('unresolved-reference', `plugin ${name} takes its config from _config "${ref}", which _plugin_configs does not define in this file`, [
                    ...path,
                    '_config',
                ]);
        }
        return shared;
    }
    /** Where the plugin is attached plus its foreign keys; undefined when one of them names nothing this file defines. */
    scopeOf(name, p) {
        const scope = { ...p.parent };
        let dropped = false;
        for (const [field, kind] of FK_FIELDS) {
            const v = p.value[field];
            if (v === undefined || v === null)
                continue;
            const hit = this.resolve(v, kind, [...p.path, field], `plugin ${name}`, name);
            if (!hit) {
                dropped = true; // its scope is an entity this file does not define: it applies to none of this file's routes
                continue;
            }
            if (kind === 'consumer_group')
                scope.consumerGroup = hit;
            else
                scope[kind] = hit;
        }
        return dropped ? undefined : scope;
    }
}
/** decK `enabled`: default true; `false` (or the string "false") disables; a placeholder makes it unknown. */
function enabledOf(name, v, at) {
    const ph = (0, placeholders_1.findPlaceholder)(v);
    if (ph)
        return (0, model_1.unknown)((0, placeholders_1.placeholderWhy)(ph, `whether ${name} is enabled`), at());
    return (0, model_1.known)(!(v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false')));
}
