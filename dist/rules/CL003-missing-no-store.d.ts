import type { Rule } from '../lib/findings';
export declare const CL003: Rule;
