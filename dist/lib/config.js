"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIRECTIVE_CHECK_IDS = exports.KNOWN_RULE_IDS = exports.DEFAULT_WEBHOOK_PATHS = exports.CONFIG_FILE_NAMES = void 0;
exports.defaultConfig = defaultConfig;
exports.findConfig = findConfig;
exports.loadConfig = loadConfig;
exports.compilePatterns = compilePatterns;
// cachelint.config.yaml: data only (never JS: a scan must not execute anything from the scanned repository).
// Unknown keys are errors, not ignored: a typo in a severity override must not silently re-enable a noisy rule.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const errors_1 = require("./parse/errors");
const source_1 = require("./parse/source");
const yaml_1 = require("./parse/yaml");
const glob_1 = require("./glob");
const rules_1 = require("../rules");
exports.CONFIG_FILE_NAMES = ['cachelint.config.yaml', 'cachelint.config.yml'];
// Not `**/callback`: that is the usual OAuth redirect URI (a browser GET), and on the Kong corpus it only matched
// Supabase's auth callbacks. Teams whose providers post to /callback add it in cachelint.config.yaml.
exports.DEFAULT_WEBHOOK_PATHS = ['**/webhook', '**/webhooks', '**/webhook/**', '**/webhooks/**', '**/hooks/**', '**/callbacks/**'];
function defaultConfig() {
    return { rules: {}, ignore: [], webhookPaths: [...exports.DEFAULT_WEBHOOK_PATHS] };
}
const KNOWN_KEYS = new Set(['rules', 'ignore', 'webhookPaths', 'maxFileBytes', 'failOn', '$schema']);
/** Every rule id a config may name: the static rules and the live-probe rules. schema/cachelint.config.schema.json
 *  lists the same ids (test/cli/config-schema.test.ts keeps the two in step). */
exports.KNOWN_RULE_IDS = [...rules_1.STATIC_RULES, ...rules_1.LIVE_RULES].map((r) => r.id);
/** The checks on suppression directives (lib/suppress.ts): a config may set their severity or turn them off too. */
exports.DIRECTIVE_CHECK_IDS = ['unused-suppression', 'invalid-suppression'];
const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
/** Finds the nearest config file from `start` upwards (stops at a .git folder or the filesystem root). */
function findConfig(start) {
    let dir = (0, node_path_1.resolve)(start);
    for (;;) {
        for (const name of exports.CONFIG_FILE_NAMES) {
            const p = (0, node_path_1.join)(dir, name);
            if ((0, node_fs_1.existsSync)(p))
                return p;
        }
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, '.git')))
            return undefined;
        const up = (0, node_path_1.dirname)(dir);
        if (up === dir)
            return undefined;
        dir = up;
    }
}
function loadConfig(file) {
    const text = (0, source_1.readSource)(file, 1024 * 1024);
    const parsed = (0, yaml_1.parseYaml)(text);
    const doc = parsed.documents[0];
    const config = defaultConfig();
    config.source = file;
    if (!doc || doc.value === null)
        return config;
    const v = doc.value;
    const bad = (path, message) => {
        const at = doc.locate(path);
        throw new errors_1.InputProblem('config', message, at.line, at.column);
    };
    if (typeof v !== 'object' || Array.isArray(v))
        bad([], 'the config file must be a mapping');
    const obj = v;
    for (const key of Object.keys(obj)) {
        if (!KNOWN_KEYS.has(key))
            bad([key], `unknown key "${key}" (known: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})`);
    }
    if (obj.$schema !== undefined && typeof obj.$schema !== 'string')
        bad(['$schema'], '"$schema" must be a string (the URI of the config schema)');
    if (obj.rules !== undefined && obj.rules !== null) {
        if (typeof obj.rules !== 'object' || Array.isArray(obj.rules))
            bad(['rules'], '"rules" must map rule ids to error | warning | info | off');
        for (const [id, sev] of Object.entries(obj.rules)) {
            if (!exports.KNOWN_RULE_IDS.includes(id) && !exports.DIRECTIVE_CHECK_IDS.includes(id))
                bad(['rules', id], `"${id}" is not a cachelint rule id (CL001…CL009, CL101…CL103, ${exports.DIRECTIVE_CHECK_IDS.join(', ')})`);
            if (typeof sev !== 'string' || !SEVERITIES.has(sev))
                bad(['rules', id], `rule ${id}: "${String(sev)}" is not one of error, warning, info, off`);
            config.rules[id] = sev;
        }
    }
    config.ignore = stringList(doc, obj, 'ignore', bad) ?? [];
    config.webhookPaths = stringList(doc, obj, 'webhookPaths', bad) ?? config.webhookPaths;
    if (obj.maxFileBytes !== undefined) {
        if (typeof obj.maxFileBytes !== 'number' || obj.maxFileBytes <= 0)
            bad(['maxFileBytes'], '"maxFileBytes" must be a positive number');
        config.maxFileBytes = obj.maxFileBytes;
    }
    if (obj.failOn !== undefined) {
        if (typeof obj.failOn !== 'string' || !['error', 'warning', 'info'].includes(obj.failOn))
            bad(['failOn'], '"failOn" must be error, warning or info');
        config.failOn = obj.failOn;
    }
    return config;
}
function stringList(_doc, obj, key, bad) {
    const v = obj[key];
    if (v === undefined || v === null)
        return undefined;
    if (!Array.isArray(v))
        return bad([key], `"${key}" must be a list of patterns`);
    v.forEach((s, i) => {
        if (typeof s !== 'string')
            bad([key, i], `"${key}" entries must be strings`);
    });
    return v;
}
function compilePatterns(patterns) {
    return patterns.map(glob_1.globToRegExp);
}
