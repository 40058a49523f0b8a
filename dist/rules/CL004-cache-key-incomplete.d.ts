import type { Rule } from '../lib/findings';
export declare const CL004: Rule;
