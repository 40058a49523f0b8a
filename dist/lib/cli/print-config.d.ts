import { type Config, type RuleSetting } from '../config';
import type { Severity } from '../findings';
export interface EffectiveRule {
    name: string;
    default: Severity;
    effective: RuleSetting;
    /** Where the effective value comes from. */
    from: 'default' | 'config';
    note?: string;
}
export declare function effectiveConfig(file: string, config: Config, cwd: string): {
    rules: Record<string, EffectiveRule>;
    config: Config;
    ignoredBy?: string | undefined;
    ignoredNote?: string | undefined;
    file: string;
    configFile: string | null;
    ignored: boolean;
};
