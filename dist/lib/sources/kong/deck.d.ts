import type { InputError } from '../../findings';
import { type PathSegment, type YamlDocument } from '../../parse/yaml';
import type { DeckDocument } from './deck-patch';
import type { KongState } from './state';
export declare const KONG_FORMAT_VERSIONS: string[];
export interface DeckReadResult {
    state: KongState;
    /** Located problems (unknown _format_version, unresolved foreign keys, malformed entries); the rest is still read. */
    errors: InputError[];
}
export declare function pathText(path: readonly PathSegment[]): string;
/** Reads a document the Kong adapter detected. Never throws on content: problems become located errors. */
export declare function readDeckState(file: string, doc: YamlDocument | DeckDocument): DeckReadResult;
