"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACKNOWLEDGED_RULES_METADATA_KEY = exports.PLUGIN_NAME = void 0;
exports.collectAcknowledgements = collectAcknowledgements;
exports.violationRuleName = violationRuleName;
exports.coverageFor = coverageFor;
exports.PLUGIN_NAME = 'CacheLint';
exports.ACKNOWLEDGED_RULES_METADATA_KEY = 'aws:cdk:acknowledged-rules';
function collectAcknowledgements(root) {
    const index = new Map();
    const visit = (c) => {
        for (const entry of c.node.metadata) {
            if (entry.type !== exports.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data || typeof entry.data !== 'object')
                continue;
            for (const [id, reason] of Object.entries(entry.data)) {
                if (!id.startsWith(`${exports.PLUGIN_NAME}::`))
                    continue;
                const byId = index.get(id) ?? new Map();
                byId.set(c.node.path, {
                    id,
                    reason: typeof reason === 'string' || typeof reason === 'number' || typeof reason === 'boolean' ? String(reason) : '',
                    at: c.node.path,
                });
                index.set(id, byId);
            }
        }
        for (const child of c.node.children)
            visit(child);
    };
    visit(root);
    return index;
}
/**
 * The rule name a violation carries: `CL001[<findingId>]`, as CDK core matches it. Spaces become '-' as core
 * normalises them, and brackets that would not balance (core refuses such ids) are replaced.
 */
function violationRuleName(ruleId, findingId) {
    return `${ruleId}[${balanced(findingId.replace(/ /g, '-'))}]`;
}
function balanced(id) {
    const stack = [];
    const pairs = { ')': '(', ']': '[', '}': '{' };
    for (const c of id) {
        if ('([{'.includes(c))
            stack.push(c);
        else if (c in pairs && stack.pop() !== pairs[c])
            return id.replace(/[()[\]{}]/g, '_');
    }
    return stack.length ? id.replace(/[()[\]{}]/g, '_') : id;
}
/** The closest acknowledgement with this id on the construct or one of its ancestors (core's own lookup order). */
function closest(index, id, constructPath) {
    const byPath = index.get(id);
    if (!byPath)
        return undefined;
    let p = constructPath;
    for (;;) {
        const hit = byPath.get(p);
        if (hit)
            return hit;
        if (p === '')
            return undefined;
        const slash = p.lastIndexOf('/');
        p = slash === -1 ? '' : p.slice(0, slash);
    }
}
function coverageFor(index, ruleId, findingId, constructPath) {
    const exact = closest(index, `${exports.PLUGIN_NAME}::${violationRuleName(ruleId, findingId)}`, constructPath);
    if (exact)
        return { ack: exact, scope: 'finding' };
    const ruleWide = closest(index, `${exports.PLUGIN_NAME}::${ruleId}`, constructPath);
    return ruleWide ? { ack: ruleWide, scope: 'rule' } : undefined;
}
