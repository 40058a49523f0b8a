import type { Rule } from '../lib/findings';
import type { UnresolvedReason } from '../lib/model';
export declare const CL006: Rule;
/** What an adapter could not resolve, in words: the value, why, and what that leaves unknown. */
export declare function describeUnresolved(r: UnresolvedReason): string;
