import type { IConstruct } from 'constructs';
export declare const PLUGIN_NAME = "CacheLint";
export declare const ACKNOWLEDGED_RULES_METADATA_KEY = "aws:cdk:acknowledged-rules";
export interface Acknowledgement {
    /** As stored: `CacheLint::CL001[/webhooks/POST]` or `CacheLint::CL001`. */
    id: string;
    reason: string;
    /** Construct path of the construct it was made on ('' for the app). */
    at: string;
}
/** Acknowledgement ids by construct path, for the CacheLint namespace only. */
export type AcknowledgementIndex = Map<string, Map<string, Acknowledgement>>;
export declare function collectAcknowledgements(root: IConstruct): AcknowledgementIndex;
/**
 * The rule name a violation carries: `CL001[<findingId>]`, as CDK core matches it. Spaces become '-' as core
 * normalises them, and brackets that would not balance (core refuses such ids) are replaced.
 */
export declare function violationRuleName(ruleId: string, findingId: string): string;
export interface Coverage {
    ack: Acknowledgement;
    /** 'finding': `CacheLint::CL001[/webhooks/POST]`; 'rule': `CacheLint::CL001` covers every finding of the rule. */
    scope: 'finding' | 'rule';
}
export declare function coverageFor(index: AcknowledgementIndex, ruleId: string, findingId: string, constructPath: string): Coverage | undefined;
