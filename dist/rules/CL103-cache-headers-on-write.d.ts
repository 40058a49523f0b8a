import type { Rule } from '../lib/findings';
export declare const CL103: Rule;
