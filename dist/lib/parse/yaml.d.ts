import { LineIndex } from './lines';
export type PathSegment = string | number;
/** Offsets of one container's members: for a mapping, key → [keyStart, keyEnd, valueStart, valueEnd]. */
interface ContainerPos {
    start: number;
    members: Map<PathSegment, [number, number, number, number]>;
}
export type TagMode = 'plain' | 'cloudformation';
export interface YamlOptions {
    tags?: TagMode;
    /** Upper bound on nodes after alias and merge expansion, per document (alias bombs). */
    maxNodes?: number;
    maxDepth?: number;
}
export interface Located {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}
export declare class YamlDocument {
    readonly value: unknown;
    private readonly positions;
    private readonly lines;
    readonly start: number;
    constructor(value: unknown, positions: Map<object, ContainerPos>, lines: LineIndex, start: number);
    /**
     * Position of the value at `path` (mapping members point at their key). Falls back to the deepest
     * container on the path that has a position, so a finding is never without a line.
     */
    locate(path: readonly PathSegment[]): Located;
    /** Position of the value (not the key) at `path`, when it has one. */
    locateValue(path: readonly PathSegment[]): Located | undefined;
    /** Position of an object value itself (its first member), e.g. a plugin found by walking values, not paths. */
    locateObject(obj: object): Located | undefined;
    /** Position of a member of an object value found by walking values. */
    locateMember(obj: object, key: PathSegment): Located | undefined;
    get(path: readonly PathSegment[]): unknown;
}
export interface YamlFile {
    text: string;
    lines: LineIndex;
    documents: YamlDocument[];
}
/** Parses every document of a YAML (or JSON) text. Throws InputProblem with a 1-based line and column. */
export declare function parseYaml(text: string, options?: YamlOptions): YamlFile;
export {};
