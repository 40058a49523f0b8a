import type { IConstruct } from 'constructs';
import type { SourceLocation } from '../model';
/** The parts of aws-cdk-lib's Stack this module uses (structural, so any 2.x copy fits). */
export interface StackLike extends IConstruct {
    resolve(obj: unknown): unknown;
    getLogicalId(element: IConstruct): string;
    readonly templateFile: string;
    readonly artifactId: string;
}
/** Section + logical id → the element that emitted it. */
export interface ElementIndex {
    get(key: string): IConstruct | undefined;
}
export declare const isStack: (x: unknown) => x is StackLike;
export declare const isCfnResource: (x: unknown) => boolean;
export type TemplatePath = readonly (string | number)[];
export interface StackTemplate {
    stack: StackLike;
    /** `Demo.template.json`: the file name cdk.out will hold; findings name it. */
    file: string;
    template: Record<string, unknown>;
    /** Section + logical id (`Resources/Api123`, `Parameters/Ttl`) → the element that emitted it. */
    elements: ElementIndex;
    /** Where each value sits in the template as `JSON.stringify(template, null, 1)` lays it out (cdk.out's format). */
    layout: TemplateLayout;
}
/** Resolves every CfnElement that belongs to `stack` itself (not to a nested stack) into one template. */
export declare function stackTemplate(stack: StackLike): StackTemplate;
/**
 * The template CDK already wrote for `stack` (policy validation runs after synthesis): read from the file instead of
 * resolving every element again, which was most of the plugin's time. Elements are matched to logical ids lazily.
 */
export declare function stackTemplateFromFile(stack: StackLike, templatePath: string): StackTemplate;
/** The construct that emitted the value at `path` (a resource, parameter, condition...), when there is one. */
export declare function elementAt(t: StackTemplate, path: TemplatePath): IConstruct | undefined;
export declare function locate(t: StackTemplate, path: TemplatePath): SourceLocation;
/**
 * Line/column of every key and array item in `JSON.stringify(value, null, 1)`: one member per line, the opening
 * bracket on its owner's line, the closing bracket on a line of its own (empty containers stay on one line).
 * Worked out on demand, per container on a located path (a map of every member of a 1,000-resource stack, keyed by
 * its JSON path, cost more than reading the stack).
 */
export declare class TemplateLayout {
    private readonly root;
    private readonly heights;
    /** Per container: line offset of each member from the container's line, and (objects) key → member index. */
    private readonly members;
    constructor(root: unknown);
    /** Lines a value takes, from its own line to its closing bracket. */
    private height;
    private membersOf;
    private indexOf;
    /** Position of the deepest prefix of `path` that exists (the root is line 1, column 1). */
    position(path: TemplatePath): {
        line: number;
        column: number;
    };
    /** The template path of the member written on `line`, if a member starts there (not a closing bracket). */
    pathAt(line: number): TemplatePath | undefined;
}
