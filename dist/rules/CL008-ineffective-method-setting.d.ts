import type { Rule } from '../lib/findings';
import type { ConfigFact, MethodSettingRef } from '../lib/model';
declare const messages: {
    unknownMethod: string;
    malformedPath: string;
    wildcardPathWithMethod: string;
    resourceNotInApi: string;
    methodNotInApi: string;
    unencodedPath: string;
    pathWithStarMethod: string;
    duplicate: string;
    duplicateDifferentCaching: string;
};
type MessageId = keyof typeof messages;
export declare const CL008: Rule<MessageId>;
/** What CL008 says about a MethodSetting fact, and its fix (the setting rewritten as it should be): for reading a model. */
export declare function settingWords(fact: Extract<ConfigFact, {
    setting: MethodSettingRef;
}>): {
    message: string;
    remediation: {
        summary: string;
        snippet: string;
    };
};
export {};
