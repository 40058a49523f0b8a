import type { Reporter } from './types';
export declare const stylish: Reporter;
