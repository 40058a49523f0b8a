import type { Rule } from '../lib/findings';
export declare const CL002: Rule;
