import type { Reporter } from './types';
export declare const json: Reporter;
