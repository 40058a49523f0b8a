import type { Rule } from '../lib/findings';
export declare const CL101: Rule;
