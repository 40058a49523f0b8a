"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.effectiveConfig = effectiveConfig;
// `--print-config FILE`: what cachelint would apply to FILE — the config file in effect, each rule's default and
// effective severity, and whether a directory walk would leave the file out (named files are always scanned).
const node_path_1 = require("node:path");
const config_1 = require("../config");
const glob_1 = require("../glob");
const rules_1 = require("../../rules");
const suppress_1 = require("../suppress");
/** Live-probe rules are defined with `cachelint probe`; their defaults are part of the catalogue (DESIGN.md). */
const PROBE_DEFAULTS = {
    CL101: { name: 'ghost-200-observed', severity: 'error' },
    CL102: { name: 'missing-no-store-observed', severity: 'warning' },
    CL103: { name: 'cache-headers-on-write', severity: 'warning' },
};
function effectiveConfig(file, config, cwd) {
    const rules = {};
    for (const id of [...config_1.KNOWN_RULE_IDS, ...config_1.DIRECTIVE_CHECK_IDS]) {
        const rule = rules_1.STATIC_RULES.find((r) => r.id === id) ?? PROBE_DEFAULTS[id] ?? suppress_1.SUPPRESSION_RULES.find((r) => r.id === id);
        if (!rule)
            continue;
        const configured = config.rules[id];
        const entry = { name: rule.name, default: rule.severity, effective: configured ?? rule.severity, from: configured ? 'config' : 'default' };
        if (id === 'CL007' && !configured)
            entry.note = 'warning for ANY methods';
        rules[id] = entry;
    }
    // Directory walks match ignore globs against paths as shown (relative to the working directory), and skip a
    // whole folder when the folder matches.
    const absolute = (0, node_path_1.isAbsolute)(file) ? file : (0, node_path_1.resolve)(cwd, file);
    const shown = (0, node_path_1.relative)(cwd, absolute).split(node_path_1.sep).join('/');
    const patterns = (0, config_1.compilePatterns)(config.ignore);
    let ignoredBy;
    for (let p = shown; p && p !== '.' && !p.startsWith('..'); p = (0, node_path_1.dirname)(p)) {
        const i = patterns.findIndex((re) => (0, glob_1.matchesAny)(p, [re]));
        if (i >= 0) {
            ignoredBy = config.ignore[i];
            break;
        }
        if (!p.includes('/'))
            break;
    }
    return {
        file,
        configFile: config.source ?? null,
        ignored: ignoredBy !== undefined,
        ...(ignoredBy !== undefined ? { ignoredBy, ignoredNote: 'left out of directory walks; a file named on the command line is still scanned' } : {}),
        rules,
        config,
    };
}
//# sourceMappingURL=print-config.js.map