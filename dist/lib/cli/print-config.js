"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.effectiveConfig = effectiveConfig;
// `--print-config FILE`: what cachelint would apply to FILE — the config file in effect, each rule's default and
// effective severity, and whether a directory walk would leave the file out (named files are always scanned): the
// walk's own decision, so the two cannot disagree.
const config_1 = require("../config");
const discover_1 = require("../discover");
const rules_1 = require("../../rules");
const suppress_1 = require("../suppress");
/** Live-probe rules are defined with `cachelint probe`; their defaults are part of the catalogue (docs/rules/README.md). */
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
    // The walk's own rules, folder by folder from the working directory: built-in folders, config globs, git.
    const ignored = (0, discover_1.ignoredInWalk)(file, { cwd, ignore: (0, config_1.compilePatterns)(config.ignore), ignoreGlobs: config.ignore });
    const ignoredBy = ignored?.ignoredBy;
    return {
        file,
        configFile: config.source ?? null,
        ignored: ignoredBy !== undefined,
        ...(ignored ? { ignoredBy, ignoredNote: `${ignored.reason}; a file named on the command line is still scanned` } : {}),
        rules,
        config,
    };
}
