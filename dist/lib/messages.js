"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatMessage = formatMessage;
exports.hitMessage = hitMessage;
// Templates are a few dozen constants formatted once per finding (ten thousand on a big Kong file): cut once.
const compiled = new Map();
function compile(template) {
    let parts = compiled.get(template);
    if (parts === undefined)
        compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
    return parts;
}
/**
 * `{name}` → `data.name`. `{routes}` is the routes the finding affects: filled from `routes` when given, else left
 * for the engine, which knows them once hits on one setting are folded. One pass: a value that contains braces (an
 * API Gateway path `/orders/{id}`) is never read as a placeholder.
 */
function formatMessage(template, data = {}, routes) {
    const parts = compile(template);
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
        const name = parts[i];
        if (name === 'routes')
            out += routes ?? '{routes}';
        // A placeholder with no value is a bug in the rule, not a message to print half-filled.
        else if (!Object.prototype.hasOwnProperty.call(data, name))
            throw new Error(`message placeholder {${name}} has no value`);
        else
            out += String(data[name]);
        out += parts[i + 1];
    }
    return out;
}
/** The text of a hit: its rule's template for `messageId` filled from `data` (and `{routes}` from `routes`). */
function hitMessage(rule, hit, routes) {
    const template = rule.messages?.[hit.messageId];
    if (template === undefined)
        throw new Error(`${rule.id}: unknown messageId ${hit.messageId}`);
    return formatMessage(template, hit.data, routes);
}
