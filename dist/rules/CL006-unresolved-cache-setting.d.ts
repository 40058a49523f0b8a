import type { Rule } from '../lib/findings';
export declare const CL006: Rule;
