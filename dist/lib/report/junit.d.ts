import type { Reporter } from './types';
export declare const junit: Reporter;
export declare function text(s: string): string;
/** Attribute values: also quotes, and line breaks as character references so parsers do not normalise them away. */
export declare function attr(s: string): string;
