import type { ConfigFact, Flavor, SourceLocation, Value, ValuePath } from '../../model';
import { Resolver, type Resolved } from './intrinsics';
export type TemplatePath = readonly (string | number)[];
/**
 * Where a template value is, for findings. The CLI answers with file lines (from the YAML/JSON document); the CDK
 * integration answers with construct paths (no file lines exist for a Stack resolved in memory).
 */
export interface TemplateLocator {
    /** Location of the value at `path` from the template root, e.g. ['Resources', 'Stage', 'Properties', 'MethodSettings', 0]. */
    locate(path: TemplatePath): SourceLocation;
}
/** One side of an `Fn::If` whose condition cannot be resolved statically. */
export interface Branch {
    name: string;
    /** true: the value-if-true branch. */
    branch: boolean;
    /** Why the condition is unknown, with what parameter defaults would make it. */
    why: string;
}
export interface Item {
    value: unknown;
    path: TemplatePath;
    /** Present only under an unresolvable Fn::If. */
    condition?: Branch;
    /** The item is an expression that cannot be resolved (value undefined). */
    unresolved?: string;
}
/** "applies only when condition C is true (C depends on parameter Env ...)": for `unknown` reasons. */
export declare function branchWhy(c: Branch): string;
export interface Resource {
    Type?: unknown;
    Properties?: Record<string, unknown>;
    Metadata?: Record<string, unknown>;
    Condition?: unknown;
}
export declare class TemplateReader {
    readonly template: Record<string, unknown>;
    readonly locator: TemplateLocator;
    readonly file: string;
    readonly flavor: Flavor;
    /** The YAML document of the file the template is (autofix addresses it); absent for cdk.out and CDK stacks. */
    readonly document?: number | undefined;
    readonly resolver: Resolver;
    readonly resources: Record<string, Resource>;
    readonly facts: ConfigFact[];
    constructor(template: Record<string, unknown>, locator: TemplateLocator, file: string, flavor: Flavor, 
    /** The YAML document of the file the template is (autofix addresses it); absent for cdk.out and CDK stacks. */
    document?: number | undefined);
    at(path: TemplatePath): SourceLocation;
    /** Where a value is for `--fix`; undefined for generated templates (cdk.out, CDK stacks), which are not edited. */
    valuePath(path: TemplatePath): ValuePath | undefined;
    /** Raw value at a path from the template root. */
    raw(path: TemplatePath): unknown;
    /** Resources of the given types whose Condition is not known to be false. */
    ofType(...types: string[]): [string, Resource][];
    typeOf(id: string): string | undefined;
    /**
     * The object at `path`, following `Fn::If` whose condition resolves (the path then goes through the chosen branch,
     * so locations stay exact). Undefined when absent, AWS::NoValue, or not resolvable to an object.
     */
    node(path: TemplatePath): {
        value: unknown;
        path: TemplatePath;
    } | {
        unresolved: Resolved & {
            known: false;
        };
        path: TemplatePath;
    } | undefined;
    /** An object member (following resolvable Fn::If); undefined when absent or not an object. */
    obj(path: TemplatePath): {
        value: Record<string, unknown>;
        path: TemplatePath;
    } | undefined;
    /**
     * A list member's items with their paths (following resolvable Fn::If); [] when absent. An item, or the whole list,
     * written as `Fn::If` on a condition that does not resolve gives the items of both branches, each marked with the
     * condition (AWS::NoValue branches drop out): both possible deploys are judged, and callers turn deciding values of
     * a conditional item into `unknown` naming the condition. An item that does not resolve at all has `unresolved`.
     */
    items(path: TemplatePath): Item[];
    /** The value at `path`; an `Fn::If` whose condition does not resolve gives each branch (marked), NoValue none. */
    alternatives(path: TemplatePath, condition?: Branch, depth?: number): Item[];
    /** A scalar at `path` as a Value (unknown with the location of the expression); undefined when absent. */
    value<T>(path: TemplatePath, convert: (r: Resolved) => Resolved<T>): Value<T> | undefined;
    /** Location for a resource (its logical id key). */
    resourceAt(id: string): SourceLocation;
}
/** Locator over a parsed YAML/JSON document: lines and columns, plus the logical id and CDK construct path. */
export declare function documentLocator(doc: {
    locate(path: readonly (string | number)[]): {
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
    };
}, file: string, template: Record<string, unknown>, 
/** Logical id → construct path from a cdk.out manifest, for templates synthesised without path metadata. */
constructPaths?: Readonly<Record<string, string>>): TemplateLocator;
