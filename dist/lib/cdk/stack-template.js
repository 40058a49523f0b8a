"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pathKey = exports.isCfnResource = exports.isStack = void 0;
exports.stackTemplate = stackTemplate;
exports.elementAt = elementAt;
exports.locate = locate;
const STACK = Symbol.for('@aws-cdk/core.Stack');
const CFN_ELEMENT = Symbol.for('@aws-cdk/core.CfnElement');
const isStack = (x) => x !== null && typeof x === 'object' && STACK in x;
exports.isStack = isStack;
const isCfnElement = (x) => x !== null && typeof x === 'object' && CFN_ELEMENT in x && typeof x._toCloudFormation === 'function';
const isCfnResource = (x) => x !== null && typeof x === 'object' && typeof x.cfnResourceType === 'string';
exports.isCfnResource = isCfnResource;
/** Resolves every CfnElement that belongs to `stack` itself (not to a nested stack) into one template. */
function stackTemplate(stack) {
    const template = {};
    const elements = new Map();
    for (const node of stack.node.findAll()) {
        if (!isCfnElement(node) || node.stack !== stack)
            continue;
        const fragment = stack.resolve(node._toCloudFormation());
        if (!fragment || typeof fragment !== 'object')
            continue;
        for (const [section, entries] of Object.entries(fragment)) {
            if (!entries || typeof entries !== 'object' || Array.isArray(entries))
                continue;
            const target = (template[section] ??= {});
            for (const [id, body] of Object.entries(entries)) {
                target[id] = body;
                elements.set(`${section}/${id}`, node);
            }
        }
    }
    // Normalise exactly as the template file is written (drops undefined members), then lay it out for positions.
    const plain = JSON.parse(JSON.stringify(template));
    const { positions, pathsByLine } = layout(plain);
    return { stack, file: stack.templateFile, template: plain, elements, positions, pathsByLine };
}
/** The construct that emitted the value at `path` (a resource, parameter, condition...), when there is one. */
function elementAt(t, path) {
    return typeof path[1] === 'string' ? t.elements.get(`${path[0]}/${path[1]}`) : undefined;
}
function locate(t, path) {
    // The deepest known prefix: a path into a value that resolved differently still lands on its owner.
    let pos;
    for (let n = path.length; n >= 0 && !pos; n--)
        pos = t.positions.get((0, exports.pathKey)(path.slice(0, n)));
    const loc = { file: t.file, line: pos?.line ?? 1, column: pos?.column ?? 1 };
    const element = elementAt(t, path);
    if (element)
        loc.constructPath = element.node.path;
    if (path[0] === 'Resources' && typeof path[1] === 'string')
        loc.logicalId = path[1];
    return loc;
}
const pathKey = (path) => JSON.stringify(path);
exports.pathKey = pathKey;
/**
 * Line/column of every key and array item in `JSON.stringify(value, null, 1)`: one member per line, the opening
 * bracket on its owner's line, the closing bracket on a line of its own (empty containers stay on one line).
 */
function layout(value) {
    const positions = new Map();
    const pathsByLine = new Map();
    let line = 1;
    positions.set((0, exports.pathKey)([]), { line: 1, column: 1 });
    const walk = (v, path, depth) => {
        if (v === null || typeof v !== 'object')
            return;
        const members = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
        if (members.length === 0)
            return;
        for (const [key, child] of members) {
            line++;
            const childPath = [...path, key];
            positions.set((0, exports.pathKey)(childPath), { line, column: depth + 2 });
            pathsByLine.set(line, childPath);
            walk(child, childPath, depth + 1);
        }
        line++; // the closing bracket
    };
    walk(value, [], 0);
    return { positions, pathsByLine };
}
//# sourceMappingURL=stack-template.js.map