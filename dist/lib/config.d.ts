import type { Severity } from './findings';
export declare const CONFIG_FILE_NAMES: string[];
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
export declare const DEFAULT_WEBHOOK_PATHS: string[];
export declare function defaultConfig(): Config;
/** Every rule id a config may name: the static rules and the live-probe rules. schema/cachelint.config.schema.json
 *  lists the same ids (test/cli/config-schema.test.ts keeps the two in step). */
export declare const KNOWN_RULE_IDS: readonly string[];
/** The checks on suppression directives (lib/suppress.ts): a config may set their severity or turn them off too. */
export declare const DIRECTIVE_CHECK_IDS: readonly string[];
/** Finds the nearest config file from `start` upwards (stops at a .git folder or the filesystem root). */
export declare function findConfig(start: string): string | undefined;
export declare function loadConfig(file: string): Config;
export declare function compilePatterns(patterns: readonly string[]): RegExp[];
