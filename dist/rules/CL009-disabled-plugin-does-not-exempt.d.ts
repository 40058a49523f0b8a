import type { Rule } from '../lib/findings';
export declare const CL009: Rule;
