import { LineIndex } from './lines';
import type { Located, PathSegment, YamlDocument } from './document';
export { YamlDocument } from './document';
export type { Located, PathSegment } from './document';
export type TagMode = 'plain' | 'cloudformation';
export interface YamlOptions {
    tags?: TagMode;
    /** Upper bound on nodes after alias and merge expansion, per document (alias bombs). */
    maxNodes?: number;
    maxDepth?: number;
}
/**
 * A source location whose line and column are worked out on first read: a big file makes many entities and settings
 * that could be pointed at, and only the few that end up in findings pay for the position lookup. `file` is plain
 * (rules compare files without needing a line). Serialises like a plain location.
 */
export declare class LazyLocation {
    #private;
    readonly file: string;
    constructor(file: string, doc: Pick<YamlDocument, 'locate'>, path: readonly PathSegment[]);
    get line(): number;
    get column(): number;
    get endLine(): number;
    get endColumn(): number;
    toJSON(): {
        file: string;
    } & Located;
}
export interface YamlFile {
    text: string;
    lines: LineIndex;
    documents: YamlDocument[];
}
/** Parses every document of a YAML (or JSON) text. Throws InputProblem with a 1-based line and column. */
export declare function parseYaml(text: string, options?: YamlOptions): YamlFile;
