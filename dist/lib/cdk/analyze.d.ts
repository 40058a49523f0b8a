import type { IConstruct } from 'constructs';
import type { Config } from '../config';
import type { Finding } from '../findings';
import { type StackLike } from './stack-template';
/** Options shared by CacheLintAspect and CacheLintChecks (plain fields, jsii-friendly). */
export interface CacheLintProps {
    /**
     * A cachelint.config.yaml (rule severities, webhook path patterns).
     * @default - the nearest cachelint.config.yaml from the current directory upwards, else the defaults
     */
    readonly configFile?: string;
    /**
     * Rule id → 'error' | 'warning' | 'info' | 'off', applied over the config file.
     * @default - severities from the config file or the rules' defaults
     */
    readonly rules?: {
        [ruleId: string]: string;
    };
}
export interface ConstructFinding {
    finding: Finding;
    /** The construct that holds the setting: the CfnResource, else the stack. */
    construct: IConstruct;
    constructPath: string;
    logicalId?: string;
    /** Template file name in cdk.out (`Demo.template.json`). */
    templateFile: string;
    /** Property path inside the resource (`Properties/MethodSettings/1`), for validation reports. */
    locations: string[];
    /** The fix in terms of the construct the user wrote, one paragraph. */
    fix: string;
    /** The fix followed by its snippet, when the rule has one. */
    fixWithSnippet: string;
}
export declare function configFrom(props: CacheLintProps | undefined): Config;
/**
 * @param templatePath the template CDK wrote for this stack, when it exists (policy validation runs after synthesis):
 *                     read instead of resolving the stack again; aspects run before synthesis and resolve it
 */
export declare function analyzeStack(stack: StackLike, config: Config, templatePath?: string): ConstructFinding[];
/** Every Stack under `root` (nested stacks and stages included), each once. */
export declare function stacksUnder(root: IConstruct, isStack: (x: unknown) => x is StackLike): StackLike[];
