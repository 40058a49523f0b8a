import type { Rule } from '../lib/findings';
export declare const CL007: Rule;
