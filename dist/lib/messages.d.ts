import type { Rule, RuleHit } from './findings';
/** Values for a template's placeholders: names, lists and numbers, already phrased as the message shows them. */
export type MessageData = Readonly<Record<string, string | number>>;
/**
 * `{name}` → `data.name`. `{routes}` is the routes the finding affects: filled from `routes` when given, else left
 * for the engine, which knows them once hits on one setting are folded. One pass: a value that contains braces (an
 * API Gateway path `/orders/{id}`) is never read as a placeholder.
 */
export declare function formatMessage(template: string, data?: MessageData, routes?: string): string;
/** The text of a hit: its rule's template for `messageId` filled from `data` (and `{routes}` from `routes`). */
export declare function hitMessage(rule: Rule, hit: RuleHit, routes?: string): string;
