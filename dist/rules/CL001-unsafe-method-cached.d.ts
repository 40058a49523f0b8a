import type { Rule } from '../lib/findings';
export declare const CL001: Rule;
