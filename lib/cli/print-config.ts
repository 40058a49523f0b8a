// `--print-config FILE`: what cachelint would apply to FILE — the config file in effect, each rule's default and
// effective severity, and whether a directory walk would leave the file out (named files are always scanned).
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { compilePatterns, DIRECTIVE_CHECK_IDS, KNOWN_RULE_IDS, type Config, type RuleSetting } from '../config';
import type { Severity } from '../findings';
import { matchesAny } from '../glob';
import { STATIC_RULES } from '../../rules';
import { SUPPRESSION_RULES } from '../suppress';

/** Live-probe rules are defined with `cachelint probe`; their defaults are part of the catalogue (DESIGN.md). */
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
  // Directory walks match ignore globs against paths as shown (relative to the working directory), and skip a
  // whole folder when the folder matches.
  const absolute = isAbsolute(file) ? file : resolve(cwd, file);
  const shown = relative(cwd, absolute).split(sep).join('/');
  const patterns = compilePatterns(config.ignore);
  let ignoredBy: string | undefined;
  for (let p = shown; p && p !== '.' && !p.startsWith('..'); p = dirname(p)) {
    const i = patterns.findIndex((re) => matchesAny(p, [re]));
    if (i >= 0) {
      ignoredBy = config.ignore[i];
      break;
    }
    if (!p.includes('/')) break;
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
