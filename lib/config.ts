// cachelint.config.yaml: data only (never JS: a scan must not execute anything from the scanned repository).
// Unknown keys are errors, not ignored: a typo in a severity override must not silently re-enable a noisy rule.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from './findings';
import { InputProblem } from './parse/errors';
import { readSource } from './parse/source';
import { parseYaml, type YamlDocument } from './parse/yaml';
import { globToRegExp } from './glob';
import { LIVE_RULES, STATIC_RULES } from '../rules';

export const CONFIG_FILE_NAMES = ['cachelint.config.yaml', 'cachelint.config.yml'];

export type RuleSetting = Severity | 'off';

export interface Config {
  /** Rule id → severity or 'off'. */
  rules: Record<string, RuleSetting>;
  /** Globs (relative to the config file's folder) of paths to leave out of directory walks. */
  ignore: string[];
  /** Path patterns of webhook receivers (CL003 treats them as write endpoints that must send no-store). */
  webhookPaths: string[];
  maxFileBytes?: number;
  failOn?: Severity;
  /** Where the config came from, for --print-config. */
  source?: string;
}

// Not `**/callback`: that is the usual OAuth redirect URI (a browser GET), and on the Kong corpus it only matched
// Supabase's auth callbacks. Teams whose providers post to /callback add it in cachelint.config.yaml.
export const DEFAULT_WEBHOOK_PATHS = ['**/webhook', '**/webhooks', '**/webhook/**', '**/webhooks/**', '**/hooks/**', '**/callbacks/**'];

export function defaultConfig(): Config {
  return { rules: {}, ignore: [], webhookPaths: [...DEFAULT_WEBHOOK_PATHS] };
}

const KNOWN_KEYS = new Set(['rules', 'ignore', 'webhookPaths', 'maxFileBytes', 'failOn', '$schema']);
/** Every rule id a config may name: the static rules and the live-probe rules. schema/cachelint.config.schema.json
 *  lists the same ids (test/cli/config-schema.test.ts keeps the two in step). */
export const KNOWN_RULE_IDS: readonly string[] = [...STATIC_RULES, ...LIVE_RULES].map((r) => r.id);
/** The checks on suppression directives (lib/suppress.ts): a config may set their severity or turn them off too. */
export const DIRECTIVE_CHECK_IDS: readonly string[] = ['unused-suppression', 'invalid-suppression'];
const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Finds the nearest config file from `start` upwards (stops at a .git folder or the filesystem root). */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadConfig(file: string): Config {
  const text = readSource(file, 1024 * 1024);
  const parsed = parseYaml(text);
  const doc = parsed.documents[0];
  const config = defaultConfig();
  config.source = file;
  if (!doc || doc.value === null) return config;
  const v = doc.value;
  const bad = (path: (string | number)[], message: string): never => {
    const at = doc.locate(path);
    throw new InputProblem('config', message, at.line, at.column);
  };
  if (typeof v !== 'object' || Array.isArray(v)) bad([], 'the config file must be a mapping');
  const obj = v as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) bad([key], `unknown key "${key}" (known: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})`);
  }
  if (obj.$schema !== undefined && typeof obj.$schema !== 'string') bad(['$schema'], '"$schema" must be a string (the URI of the config schema)');
  if (obj.rules !== undefined && obj.rules !== null) {
    if (typeof obj.rules !== 'object' || Array.isArray(obj.rules)) bad(['rules'], '"rules" must map rule ids to error | warning | info | off');
    for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!KNOWN_RULE_IDS.includes(id) && !DIRECTIVE_CHECK_IDS.includes(id))
        bad(['rules', id], `"${id}" is not a cachelint rule id (CL001…CL009, CL101…CL103, ${DIRECTIVE_CHECK_IDS.join(', ')})`);
      if (typeof sev !== 'string' || !SEVERITIES.has(sev)) bad(['rules', id], `rule ${id}: "${String(sev)}" is not one of error, warning, info, off`);
      config.rules[id] = sev as RuleSetting;
    }
  }
  config.ignore = stringList(doc, obj, 'ignore', bad) ?? [];
  config.webhookPaths = stringList(doc, obj, 'webhookPaths', bad) ?? config.webhookPaths;
  if (obj.maxFileBytes !== undefined) {
    if (typeof obj.maxFileBytes !== 'number' || obj.maxFileBytes <= 0) bad(['maxFileBytes'], '"maxFileBytes" must be a positive number');
    config.maxFileBytes = obj.maxFileBytes as number;
  }
  if (obj.failOn !== undefined) {
    if (typeof obj.failOn !== 'string' || !['error', 'warning', 'info'].includes(obj.failOn)) bad(['failOn'], '"failOn" must be error, warning or info');
    config.failOn = obj.failOn as Severity;
  }
  return config;
}

function stringList(
  _doc: YamlDocument,
  obj: Record<string, unknown>,
  key: string,
  bad: (path: (string | number)[], message: string) => never,
): string[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return bad([key], `"${key}" must be a list of patterns`);
  v.forEach((s, i) => {
    if (typeof s !== 'string') bad([key, i], `"${key}" entries must be strings`);
  });
  return v as string[];
}

export function compilePatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map(globToRegExp);
}
