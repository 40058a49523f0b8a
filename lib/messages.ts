// A rule owns its words: `Rule.messages` holds one template per message id, a hit names the id and the values of
// its placeholders (ESLint's `meta.messages` + `data`), and the finding's text is formatted here. Tests can then
// assert the id and the data instead of matching prose.
import type { Rule, RuleHit } from './findings';

/** Values for a template's placeholders: names, lists and numbers, already phrased as the message shows them. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * `{name}` → `data.name`. `{routes}` stays for the engine, which fills it once hits on one setting are folded. One
 * pass: a value that contains braces (an API Gateway path `/orders/{id}`) is never read as a placeholder.
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'routes') return whole;
    // A placeholder with no value is a bug in the rule, not a message to print half-filled.
    if (!Object.prototype.hasOwnProperty.call(data, name)) throw new Error(`message placeholder {${name}} has no value`);
    return String(data[name]);
  });
}

/** The text of a hit: its rule's template for `messageId` filled from `data`. */
export function hitMessage(rule: Rule, hit: RuleHit): string {
  const template = rule.messages?.[hit.messageId];
  if (template === undefined) throw new Error(`${rule.id}: unknown messageId ${hit.messageId}`);
  return formatMessage(template, hit.data);
}
