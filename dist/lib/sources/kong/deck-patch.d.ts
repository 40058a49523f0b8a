import type { InputError } from '../../findings';
import type { Located, PathSegment, YamlDocument } from '../../parse/yaml';
import { type JsonPath } from './jsonpath';
export type DeckPatchKind = 'deck-patch' | 'deck-add-plugins';
interface Selector {
    source: string;
    path?: JsonPath;
    /** Why cachelint cannot evaluate it, located: reported when the patch is applied (a base is in the scan). */
    problem?: InputError;
}
interface PatchOp {
    kind: 'patch';
    selectors: Selector[];
    values?: Record<string, unknown>;
    appends?: unknown[];
    remove: string[];
    at: PathSegment[];
}
interface AddPluginsOp {
    kind: 'add-plugins';
    selectors: Selector[];
    plugins: Record<string, unknown>[];
    overwrite: boolean;
    at: PathSegment[];
}
export interface DeckPatchFile {
    file: string;
    doc: YamlDocument;
    kinds: DeckPatchKind[];
    ops: (PatchOp | AddPluginsOp)[];
}
/** A patched state: plain values plus, per member, where it was written (base file or patch file). */
export interface DeckDocument {
    readonly value: unknown;
    locate(path: readonly PathSegment[]): Located;
    /** The file the member at `path` was written in. */
    fileAt?(path: readonly PathSegment[]): string;
}
/** The decK command that applies this kind, for messages. */
export declare const DECK_COMMAND: Record<DeckPatchKind, string>;
export declare const KIND_NAME: Record<DeckPatchKind, string>;
/** Reads one patch document (detected by detectDeckPatch). Problems are located errors in the patch file. */
export declare function readDeckPatch(file: string, doc: YamlDocument): {
    patch: DeckPatchFile;
    errors: InputError[];
};
/**
 * Applies patch files, in order, to a copy of a base state document. The base document is not changed. Errors (a
 * plugin with foreign keys for nested targets, which decK refuses) are located in the patch file.
 */
export declare function applyDeckPatches(baseFile: string, base: YamlDocument, patches: readonly DeckPatchFile[]): {
    doc: DeckDocument;
    errors: InputError[];
};
export {};
