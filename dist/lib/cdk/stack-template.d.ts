import type { IConstruct } from 'constructs';
import type { SourceLocation } from '../model';
/** The parts of aws-cdk-lib's Stack this module uses (structural, so any 2.x copy fits). */
export interface StackLike extends IConstruct {
    resolve(obj: unknown): unknown;
    getLogicalId(element: IConstruct): string;
    readonly templateFile: string;
    readonly artifactId: string;
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
    elements: Map<string, IConstruct>;
    /** Where each value sits in the template as `JSON.stringify(template, null, 1)` lays it out (cdk.out's format). */
    positions: Map<string, {
        line: number;
        column: number;
    }>;
    /** The reverse: line → template path, for `locations` in validation reports. */
    pathsByLine: Map<number, TemplatePath>;
}
/** Resolves every CfnElement that belongs to `stack` itself (not to a nested stack) into one template. */
export declare function stackTemplate(stack: StackLike): StackTemplate;
/** The construct that emitted the value at `path` (a resource, parameter, condition...), when there is one. */
export declare function elementAt(t: StackTemplate, path: TemplatePath): IConstruct | undefined;
export declare function locate(t: StackTemplate, path: TemplatePath): SourceLocation;
export declare const pathKey: (path: TemplatePath) => string;
