import type { Rule } from '../lib/findings';
export declare const CL008: Rule;
