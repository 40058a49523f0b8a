import type { SourceAdapter } from './types';
import type { TagMode } from '../parse/yaml';
export declare const ADAPTERS: SourceAdapter[];
/** Cheap text prefilter for directory walks, so package-lock.json and friends are never parsed. */
export declare function looksLikeOurs(text: string): boolean;
export declare function tagModeFor(text: string): TagMode;
