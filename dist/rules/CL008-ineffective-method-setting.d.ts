import type { Rule } from '../lib/findings';
import type { ConfigFact, MethodSettingRef } from '../lib/model';
export declare const CL008: Rule;
/** What CL008 says about a MethodSetting fact, and its fix: the setting rewritten as it should be. */
export declare function settingWords(fact: Extract<ConfigFact, {
    setting: MethodSettingRef;
}>): {
    message: string;
    remediation: {
        summary: string;
        snippet: string;
    };
};
