// `--print-config FILE`: what cachelint would apply to FILE — the config file in effect, each rule's default and
// effective severity, and whether a directory walk would leave the file out (named files are always scanned): the
// walk's own decision, so the two cannot disagree.
import { compilePatterns, DIRECTIVE_CHECK_IDS, KNOWN_RULE_IDS, type Config, type RuleSetting } from '../config';
import type { Severity } from '../findings';
import { ignoredInWalk } from '../discover';
import { STATIC_RULES } from '../../rules';
import { SUPPRESSION_RULES } from '../suppress';

/** Live-probe rules are defined with `cachelint probe`; their defaults are part of the catalogue (docs/rules/README.md). */
const PROBE_DEFAULTS: Record<string, { name: string; severity: Severity }> = {
  CL101: { name: 'ghost-200-observed', severity: 'error' },
  CL102: { name: 'missing-no-store-observed', severity: 'warning' },
  CL103: { name: 'cache-headers-on-write', severity: 'warning' },
};

export interface EffectiveRule {
  name: string;
  default: Severity;
  effective: RuleSetting;
  /** Where the effective value comes from. */
  from: 'default' | 'config';
  note?: string;
}

export function effectiveConfig(file: string, config: Config, cwd: string) {
  const rules: Record<string, EffectiveRule> = {};
  for (const id of [...KNOWN_RULE_IDS, ...DIRECTIVE_CHECK_IDS]) {
    const rule = STATIC_RULES.find((r) => r.id === id) ?? PROBE_DEFAULTS[id] ?? SUPPRESSION_RULES.find((r) => r.id === id);
    if (!rule) continue;
    const configured = config.rules[id];
    const entry: EffectiveRule = { name: rule.name, default: rule.severity, effective: configured ?? rule.severity, from: configured ? 'config' : 'default' };
    if (id === 'CL007' && !configured) entry.note = 'warning for ANY methods';
    rules[id] = entry;
  }
  // The walk's own rules, folder by folder from the working directory: built-in folders, config globs, git.
  const ignored = ignoredInWalk(file, { cwd, ignore: compilePatterns(config.ignore), ignoreGlobs: config.ignore });
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
