import type { LineIndex } from './lines';
export type PathSegment = string | number;
/**
 * Offsets of one container's members, flat (a Map of 4-tuples per container was most of the parse's garbage on big
 * files): member i has its key at offs[4i]..offs[4i+1] and its value at offs[4i+2]..offs[4i+3]. Mappings keep their
 * keys in order (looked up by a scan, or a Map built on first use for big mappings); sequences are looked up by index.
 * Both arrays are made at their exact size when the container closes (parseYaml collects members on a shared stack):
 * arrays grown by push keep room for 17 entries, which for 100,000 small containers was most of the parse's memory.
 */
export declare class ContainerPos {
    readonly start: number;
    keys: string[] | undefined;
    offs: number[];
    private index;
    constructor(start: number);
    /** Member number of a mapping key or sequence index, or -1. */
    find(seg: PathSegment): number;
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
    /** Which document of the file (0-based): autofix edits address values by document and path. */
    readonly index: number;
    constructor(value: unknown, positions: Map<object, ContainerPos>, lines: LineIndex, start: number, 
    /** Which document of the file (0-based): autofix edits address values by document and path. */
    index?: number);
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
    /**
     * Lines spanned by the outermost mapping entry (key and value) or sequence item that starts on `line`, or by the
     * whole document when its root starts there; undefined when nothing starts there. For suppression comments: asked
     * only for the lines below one, so it walks down one path and measures one subtree instead of keeping every node's end.
     */
    extentAt(line: number): {
        line: number;
        endLine: number;
    } | undefined;
    /** The largest end offset in a container's subtree (aliases are walked once: an alias bomb stays linear). */
    private deepEnd;
    get(path: readonly PathSegment[]): unknown;
}
