export type Resolved<T = unknown> = {
    known: true;
    value: T;
} | {
    known: false;
    why: string;
    params?: string[];
};
/** `Ref: AWS::NoValue`: the property is absent. */
export declare const NO_VALUE: unique symbol;
export interface TemplateParts {
    Parameters?: Record<string, unknown>;
    Mappings?: Record<string, unknown>;
    Conditions?: Record<string, unknown>;
    Resources?: Record<string, unknown>;
}
export declare function isIntrinsic(v: unknown): v is Record<string, unknown>;
export declare function formatValue(v: unknown): string;
export declare class Resolver {
    private readonly template;
    private readonly useDefaults;
    private readonly conditionCache;
    private depth;
    constructor(template: TemplateParts, useDefaults?: boolean);
    /** Resolves one value (shallowly for plain objects: their members are resolved when read). */
    resolve(v: unknown): Resolved;
    /** Evaluates a condition by name (resource `Condition:` attributes, Fn::If). */
    condition(name: string): Resolved<boolean>;
    /** "condition C depends on parameter P (default "x" makes it false)": why a condition is unknown, for messages. */
    describeCondition(name: string): string;
    private withDefaultsNote;
    private paramDefault;
    private inner;
    /** Deep resolution of a list (Fn::Join arguments, AllowedMethods...): unknown if any item is. */
    list(v: unknown): Resolved<unknown[]>;
    /** One intrinsic function: dispatches to its family (conditions, lists, mappings) or says why it stays unknown. */
    private intrinsic;
    /** Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or. */
    private conditionFunction;
    /** Fn::Join, Fn::Select, Fn::Split. */
    private listFunction;
    private findInMap;
    private ref;
    private sub;
}
export { referencedIds, refTarget } from './references';
/** Literal text inside a value (strings of Fn::Sub / Fn::Join...), for "does this domain mention execute-api". */
export declare function literalText(v: unknown): string;
/** "true"/"false" strings count as booleans (CloudFormation converts them). */
export declare function asBoolean(r: Resolved): Resolved<boolean>;
/** Numbers and numeric strings ("300"). */
export declare function asNumber(r: Resolved): Resolved<number>;
export declare function asString(r: Resolved): Resolved<string>;
