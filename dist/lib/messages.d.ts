import type { Rule, RuleHit } from './findings';
/** Values for a template's placeholders: names, lists and numbers, already phrased as the message shows them. */
export type MessageData = Readonly<Record<string, string | number>>;
/**
 * `{name}` → `data.name`. `{routes}` stays for the engine, which fills it once hits on one setting are folded. One
 * pass: a value that contains braces (an API Gateway path `/orders/{id}`) is never read as a placeholder.
 */
export declare function formatMessage(template: string, data?: MessageData): string;
/** The text of a hit: its rule's template for `messageId` filled from `data`. */
export declare function hitMessage(rule: Rule, hit: RuleHit): string;
