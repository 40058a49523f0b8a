"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detectDeckPatch = detectDeckPatch;
exports.detectKong = detectKong;
const placeholders_1 = require("./placeholders");
const ENTITY_KEYS = ['services', 'routes', 'plugins', 'consumers', 'consumer_groups'];
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
            return (items.every((p) => typeof p.name === 'string') &&
                items.some((p) => has(p, ['config', 'enabled', 'service', 'route', 'consumer', 'consumer_group', 'protocols', '_config', 'instance_name'])));
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
/**
 * A `deck file patch` or `deck file add-plugins` input (go-apiops `patch/patch-file.yml`, `plugins/plugin-file.yml`):
 * `patches:` / `add-plugins:` lists. `_format_version` is optional there, so without it the entries must look like
 * decK's (selectors, values, remove; selectors, plugins, overwrite), never like kustomize's `patches` (path, target).
 */
function detectDeckPatch(doc) {
    const root = doc.value;
    if (!(0, placeholders_1.isRecord)(root) || 'apiVersion' in root || 'kind' in root || !isDeckPatchFile(root))
        return false;
    if ('_format_version' in root)
        return true;
    const entries = (key) => (Array.isArray(root[key]) ? root[key] : []);
    const patches = entries('patches');
    const addPlugins = entries('add-plugins');
    const deckLike = (items, fields) => items.length > 0 && items.every(placeholders_1.isRecord) && items.every((e) => fields.some((f) => f in e) && !('path' in e || 'target' in e || 'patch' in e));
    return deckLike(patches, ['selectors', 'values', 'remove']) || deckLike(addPlugins, ['selectors', 'plugins', 'overwrite']);
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
