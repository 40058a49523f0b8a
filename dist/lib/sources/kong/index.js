"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kongAdapter = exports.scopeText = exports.PluginIndex = exports.PRECEDENCE = exports.cacheKindOf = exports.NO_STORE_PLUGINS = exports.AUTH_PLUGINS = exports.placeholderWhy = exports.findPlaceholder = exports.routeText = exports.methodsFromList = exports.methodsFromExpression = exports.KONG_FORMAT_VERSIONS = exports.readDeckState = exports.buildKongModel = exports.OpaquePluginConfig = exports.LayeredPluginConfig = exports.defineLazyLocation = void 0;
exports.detectKong = detectKong;
const build_1 = require("./build");
const deck_1 = require("./deck");
const placeholders_1 = require("./placeholders");
var state_1 = require("./state");
Object.defineProperty(exports, "defineLazyLocation", { enumerable: true, get: function () { return state_1.defineLazyLocation; } });
Object.defineProperty(exports, "LayeredPluginConfig", { enumerable: true, get: function () { return state_1.LayeredPluginConfig; } });
Object.defineProperty(exports, "OpaquePluginConfig", { enumerable: true, get: function () { return state_1.OpaquePluginConfig; } });
var build_2 = require("./build");
Object.defineProperty(exports, "buildKongModel", { enumerable: true, get: function () { return build_2.buildKongModel; } });
var deck_2 = require("./deck");
Object.defineProperty(exports, "readDeckState", { enumerable: true, get: function () { return deck_2.readDeckState; } });
Object.defineProperty(exports, "KONG_FORMAT_VERSIONS", { enumerable: true, get: function () { return deck_2.KONG_FORMAT_VERSIONS; } });
var routes_1 = require("./routes");
Object.defineProperty(exports, "methodsFromExpression", { enumerable: true, get: function () { return routes_1.methodsFromExpression; } });
Object.defineProperty(exports, "methodsFromList", { enumerable: true, get: function () { return routes_1.methodsFromList; } });
Object.defineProperty(exports, "routeText", { enumerable: true, get: function () { return routes_1.routeText; } });
var placeholders_2 = require("./placeholders");
Object.defineProperty(exports, "findPlaceholder", { enumerable: true, get: function () { return placeholders_2.findPlaceholder; } });
Object.defineProperty(exports, "placeholderWhy", { enumerable: true, get: function () { return placeholders_2.placeholderWhy; } });
var plugins_1 = require("./plugins");
Object.defineProperty(exports, "AUTH_PLUGINS", { enumerable: true, get: function () { return plugins_1.AUTH_PLUGINS; } });
Object.defineProperty(exports, "NO_STORE_PLUGINS", { enumerable: true, get: function () { return plugins_1.NO_STORE_PLUGINS; } });
Object.defineProperty(exports, "cacheKindOf", { enumerable: true, get: function () { return plugins_1.cacheKindOf; } });
var precedence_1 = require("./precedence");
Object.defineProperty(exports, "PRECEDENCE", { enumerable: true, get: function () { return precedence_1.PRECEDENCE; } });
Object.defineProperty(exports, "PluginIndex", { enumerable: true, get: function () { return precedence_1.PluginIndex; } });
Object.defineProperty(exports, "scopeText", { enumerable: true, get: function () { return precedence_1.scopeText; } });
const ENTITY_KEYS = ['services', 'routes', 'plugins', 'consumers', 'consumer_groups'];
const DECK_KEYS = ['_plugin_configs', '_info', '_konnect', '_workspace', '_transform'];
/** Entries that look like Kong entities (objects with the fields Kong's schemas have), not like other YAML lists. */
function kongShaped(key, list) {
    const items = list.filter(placeholders_1.isRecord);
    if (items.length === 0 || items.length !== list.length)
        return false;
    const has = (o, fields) => fields.some((f) => f in o);
    switch (key) {
        case 'services':
            return items.some((s) => has(s, ['url', 'host', 'routes', 'protocol', 'port', 'connect_timeout', 'retries']));
        case 'routes':
            return items.some((r) => has(r, ['paths', 'methods', 'hosts', 'expression', 'strip_path', 'service', 'headers', 'snis']));
        case 'plugins':
            return items.every((p) => typeof p.name === 'string') && items.some((p) => has(p, ['config', 'enabled', 'service', 'route', 'consumer', 'consumer_group', 'protocols', '_config', 'instance_name']));
        case 'consumers':
            return items.some((c) => has(c, ['username', 'custom_id', 'keyauth_credentials', 'jwt_secrets', 'basicauth_credentials', 'acls']));
        case 'consumer_groups':
            return items.some((g) => typeof g.name === 'string' && has(g, ['consumers', 'plugins']));
    }
    return false;
}
function isDeckPatchFile(root) {
    // `deck file patch` / `deck file add-plugins` inputs: transformations of a state file, not a state file.
    return ('patches' in root || 'add-plugins' in root) && !ENTITY_KEYS.some((k) => Array.isArray(root[k]));
}
function detectKong(doc) {
    const root = doc.value;
    if (!(0, placeholders_1.isRecord)(root))
        return false;
    // Other formats that carry `services`/`plugins`: Kubernetes manifests, CloudFormation, OpenAPI, compose files.
    if ('apiVersion' in root || 'kind' in root)
        return false;
    if ('AWSTemplateFormatVersion' in root || 'Resources' in root || 'Transform' in root)
        return false;
    if ('openapi' in root || 'swagger' in root)
        return false;
    if (isDeckPatchFile(root))
        return false;
    if ('_format_version' in root)
        return true;
    if (ENTITY_KEYS.some((k) => root[k] !== undefined && root[k] !== null && !Array.isArray(root[k])))
        return false; // compose `services:` mapping
    if (ENTITY_KEYS.some((k) => Array.isArray(root[k]) && kongShaped(k, root[k])))
        return true;
    return (0, placeholders_1.isRecord)(root._plugin_configs) || ((0, placeholders_1.isRecord)(root._info) && ENTITY_KEYS.some((k) => Array.isArray(root[k])));
}
exports.kongAdapter = {
    format: 'kong',
    tags: 'plain',
    detect: (doc) => detectKong(doc),
    toModels({ file, parsed }) {
        const model = { file, endpoints: [], facts: [] };
        const errors = [];
        parsed.documents.forEach((doc, i) => {
            if (i > 0 && (doc.value === null || doc.value === undefined))
                return;
            if (!detectKong(doc)) {
                const l = doc.locate([]);
                errors.push({ file, line: l.line, column: l.column, code: 'unknown-format', message: `YAML document ${i + 1} is not a Kong declarative configuration` });
                return;
            }
            const { state, errors: readErrors } = (0, deck_1.readDeckState)(file, doc);
            const built = (0, build_1.buildKongModel)(state, { file, flavor: 'kong' });
            model.endpoints.push(...built.endpoints);
            model.facts.push(...built.facts);
            errors.push(...readErrors);
        });
        return { models: [model], errors };
    },
};
exports.default = exports.kongAdapter;
//# sourceMappingURL=index.js.map