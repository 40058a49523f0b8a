import type { Reporter } from './types';
export declare const FORMATS: readonly ["stylish", "json", "sarif", "junit", "github"];
export type Format = (typeof FORMATS)[number];
export declare function isFormat(name: string): name is Format;
export declare function reporterFor(format: string): Reporter;
export declare function availableFormats(): string[];
