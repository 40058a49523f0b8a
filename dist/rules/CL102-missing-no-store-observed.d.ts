import type { Rule } from '../lib/findings';
export declare const CL102: Rule;
