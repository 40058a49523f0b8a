"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatMessage = formatMessage;
exports.hitMessage = hitMessage;
/**
 * `{name}` → `data.name`. `{routes}` stays for the engine, which fills it once hits on one setting are folded. One
 * pass: a value that contains braces (an API Gateway path `/orders/{id}`) is never read as a placeholder.
 */
function formatMessage(template, data = {}) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => {
        if (name === 'routes')
            return whole;
        // A placeholder with no value is a bug in the rule, not a message to print half-filled.
        if (!Object.prototype.hasOwnProperty.call(data, name))
            throw new Error(`message placeholder {${name}} has no value`);
        return String(data[name]);
    });
}
/** The text of a hit: its rule's template for `messageId` filled from `data`. */
function hitMessage(rule, hit) {
    const template = rule.messages?.[hit.messageId];
    if (template === undefined)
        throw new Error(`${rule.id}: unknown messageId ${hit.messageId}`);
    return formatMessage(template, hit.data);
}
