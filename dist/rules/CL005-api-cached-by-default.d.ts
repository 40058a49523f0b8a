import type { Rule } from '../lib/findings';
export declare const CL005: Rule;
