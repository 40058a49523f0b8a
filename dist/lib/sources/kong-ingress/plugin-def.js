"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readPluginDef = readPluginDef;
const model_1 = require("../../model");
const state_1 = require("../kong/state");
const manifests_1 = require("./manifests");
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
            const key = p.path
                .replace(/^\//, '')
                .split('/')
                .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
                .join('/');
            const ref = (0, manifests_1.isRecord)(p.valueFrom) && (0, manifests_1.isRecord)(p.valueFrom.secretKeyRef) ? p.valueFrom.secretKeyRef : undefined;
            this.patched.set(key, {
                at: (0, manifests_1.locOf)(def, ['configPatches', i]),
                secret: typeof ref?.name === 'string' ? `Secret ${def.namespace ? `${def.namespace}/` : ''}${ref.name}` : 'a Secret',
            });
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
