import type { SourceAdapter } from './types';
import type { TagMode, YamlDocument } from '../parse/yaml';
/** An adapter whose `toModels` module is required on the first file it converts. */
export declare function lazyAdapter(format: string, detect: (doc: YamlDocument, file: string) => boolean, load: () => SourceAdapter, extra?: {
    together?: boolean;
    screenText?: SourceAdapter['screenText'];
}): SourceAdapter;
export declare const ADAPTERS: SourceAdapter[];
/** Cheap text prefilter for directory walks, so package-lock.json and friends are never parsed. */
export declare function looksLikeOurs(text: string): boolean;
export declare function tagModeFor(text: string): TagMode;
/** The first adapter's verdict on a file's raw text before parsing (see SourceAdapter.screenText). */
export declare function screenText(text: string, file: string): ReturnType<NonNullable<SourceAdapter['screenText']>>;
