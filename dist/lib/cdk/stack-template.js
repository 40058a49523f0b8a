"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TemplateLayout = exports.isCfnResource = exports.isStack = void 0;
exports.stackTemplate = stackTemplate;
exports.stackTemplateFromFile = stackTemplateFromFile;
exports.elementAt = elementAt;
exports.locate = locate;
// A Stack's CloudFormation template, resolved in memory from its CfnElements (the way cdk-nag reads resources), plus
// the way back from logical ids to constructs. Everything is duck-typed through CDK's `Symbol.for` markers and
// `cfnResourceType`, never `instanceof`: a second copy of aws-cdk-lib or a generic `CfnResource` must not hide a finding.
const node_fs_1 = require("node:fs");
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
        addFragment(stack, node, template, elements);
    }
    // Normalise exactly as the template file is written (drops undefined members), then lay it out for positions.
    const plain = JSON.parse(JSON.stringify(template));
    return { stack, file: stack.templateFile, template: plain, elements, layout: new TemplateLayout(plain) };
}
function addFragment(stack, node, template, elements) {
    const fragment = stack.resolve(node._toCloudFormation());
    if (!fragment || typeof fragment !== 'object')
        return;
    for (const [section, entries] of Object.entries(fragment)) {
        if (!entries || typeof entries !== 'object' || Array.isArray(entries))
            continue;
        const target = template ? (template[section] ??= {}) : undefined;
        for (const [id, body] of Object.entries(entries)) {
            if (target)
                target[id] = body;
            elements.set(`${section}/${id}`, node);
        }
    }
}
/**
 * The template CDK already wrote for `stack` (policy validation runs after synthesis): read from the file instead of
 * resolving every element again, which was most of the plugin's time. Elements are matched to logical ids lazily.
 */
function stackTemplateFromFile(stack, templatePath) {
    const template = JSON.parse((0, node_fs_1.readFileSync)(templatePath, 'utf8'));
    if (!template || typeof template !== 'object' || Array.isArray(template))
        throw new Error(`${templatePath} is not a template`);
    return { stack, file: stack.templateFile, template, elements: new FileElements(stack, template), layout: new TemplateLayout(template) };
}
const TOKEN = /\$\{Token\[/;
/**
 * Logical id → element for a template read from its file, built on first use. A resource's id comes from its
 * `aws:cdk:path` metadata (written when the CDK CLI runs the app), else from its plain override or the stack's id
 * allocation (what CfnElement._synthesizeLogicalId returns). Elements whose id is a token (a RestApi Deployment hashes
 * its whole API into its id: 50 ms on a 1,000-resource app) and non-resource elements (parameters, conditions,
 * outputs, rules) are resolved only when a key is not found otherwise, so a lookup always ends where the in-memory
 * template (stackTemplate) would.
 */
class FileElements {
    stack;
    map = new Map();
    resources;
    /** The stack's own elements, listed once; resources are indexed by type on the first lookup of that type. */
    elements;
    indexedTypes = new Set();
    idByPath;
    /** Resolved last-first on a miss: token-overridden resources first in the list, the few non-resources last. */
    deferred;
    constructor(stack, template) {
        this.stack = stack;
        const r = template.Resources;
        this.resources = r !== null && typeof r === 'object' && !Array.isArray(r) ? r : undefined;
    }
    list() {
        if (!this.elements) {
            this.elements = [];
            const later = [];
            for (const node of this.stack.node.findAll()) {
                if (!isCfnElement(node) || node.stack !== this.stack)
                    continue;
                if ((0, exports.isCfnResource)(node))
                    this.elements.push(node);
                else
                    later.push(node);
            }
            this.deferred = later.reverse(); // popped after the token-overridden resources
            this.idByPath = new Map();
            if (this.resources)
                for (const [id, r] of Object.entries(this.resources)) {
                    const p = r?.Metadata?.['aws:cdk:path'];
                    if (typeof p === 'string')
                        this.idByPath.set(p, id);
                }
        }
        return this.elements;
    }
    /** Maps every resource element of one CloudFormation type to its logical id (what _synthesizeLogicalId returns). */
    indexType(type) {
        this.indexedTypes.add(type);
        for (const node of this.list()) {
            if (node.cfnResourceType !== type)
                continue;
            let id = this.idByPath.get(node.node.path);
            if (id === undefined) {
                const override = node._logicalIdOverride;
                if (typeof override === 'string' && !TOKEN.test(override))
                    id = override;
                else if (override === undefined || override === '')
                    id = this.stack.getLogicalId(node);
            }
            if (id !== undefined && this.resources && Object.prototype.hasOwnProperty.call(this.resources, id)) {
                if (!this.map.has(`Resources/${id}`))
                    this.map.set(`Resources/${id}`, node);
            }
            else
                this.deferred.unshift(node); // a token id: resolved only if a lookup misses
        }
    }
    get(key) {
        let hit = this.map.get(key);
        if (hit !== undefined)
            return hit;
        if (key.startsWith('Resources/') && this.resources) {
            const body = this.resources[key.slice('Resources/'.length)];
            const type = body && typeof body === 'object' ? body.Type : undefined;
            if (typeof type === 'string' && !this.indexedTypes.has(type)) {
                this.indexType(type);
                hit = this.map.get(key);
                if (hit !== undefined)
                    return hit;
            }
        }
        this.list();
        while (hit === undefined && this.deferred.length) {
            addFragment(this.stack, this.deferred.pop(), undefined, this.map);
            hit = this.map.get(key);
        }
        return hit;
    }
}
/** The construct that emitted the value at `path` (a resource, parameter, condition...), when there is one. */
function elementAt(t, path) {
    return typeof path[1] === 'string' ? t.elements.get(`${path[0]}/${path[1]}`) : undefined;
}
function locate(t, path) {
    // The deepest known prefix: a path into a value that resolved differently still lands on its owner.
    const pos = t.layout.position(path);
    const loc = { file: t.file, line: pos.line, column: pos.column };
    const element = elementAt(t, path);
    if (element)
        loc.constructPath = element.node.path;
    if (path[0] === 'Resources' && typeof path[1] === 'string')
        loc.logicalId = path[1];
    return loc;
}
/**
 * Line/column of every key and array item in `JSON.stringify(value, null, 1)`: one member per line, the opening
 * bracket on its owner's line, the closing bracket on a line of its own (empty containers stay on one line).
 * Worked out on demand, per container on a located path (a map of every member of a 1,000-resource stack, keyed by
 * its JSON path, cost more than reading the stack).
 */
class TemplateLayout {
    root;
    heights = new Map();
    /** Per container: line offset of each member from the container's line, and (objects) key → member index. */
    members = new Map();
    constructor(root) {
        this.root = root;
    }
    /** Lines a value takes, from its own line to its closing bracket. */
    height(v) {
        if (v === null || typeof v !== 'object')
            return 1;
        let h = this.heights.get(v);
        if (h === undefined) {
            h = 2; // own line + closing bracket
            let n = 0;
            const children = Array.isArray(v) ? v : Object.keys(v).map((k) => v[k]);
            for (const x of children) {
                h += this.height(x);
                n++;
            }
            if (n === 0)
                h = 1;
            this.heights.set(v, h);
        }
        return h;
    }
    membersOf(v) {
        let m = this.members.get(v);
        if (!m) {
            const offsets = [];
            let line = 1;
            if (Array.isArray(v))
                for (const x of v) {
                    offsets.push(line);
                    line += this.height(x);
                }
            else {
                const names = Object.keys(v);
                const keys = new Map();
                for (const k of names) {
                    keys.set(k, offsets.length);
                    offsets.push(line);
                    line += this.height(v[k]);
                }
                m = { offsets, names, keys };
            }
            m ??= { offsets };
            this.members.set(v, m);
        }
        return m;
    }
    indexOf(v, seg) {
        if (v === null || typeof v !== 'object')
            return -1;
        const m = this.membersOf(v);
        if (Array.isArray(v))
            return typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < v.length ? seg : -1;
        return typeof seg === 'string' ? (m.keys.get(seg) ?? -1) : -1;
    }
    /** Position of the deepest prefix of `path` that exists (the root is line 1, column 1). */
    position(path) {
        let v = this.root;
        let line = 1;
        let column = 1;
        for (let i = 0; i < path.length; i++) {
            const m = this.indexOf(v, path[i]);
            if (m < 0)
                break;
            line += this.membersOf(v).offsets[m];
            column = i + 2;
            v = Array.isArray(v) ? v[m] : v[path[i]];
        }
        return { line, column };
    }
    /** The template path of the member written on `line`, if a member starts there (not a closing bracket). */
    pathAt(line) {
        const path = [];
        let v = this.root;
        let start = 1;
        while (v !== null && typeof v === 'object') {
            const { offsets, names } = this.membersOf(v);
            // The last member that starts at or before the line.
            let lo = 0;
            let hi = offsets.length - 1;
            if (hi < 0 || start + offsets[0] > line)
                return undefined;
            while (lo < hi) {
                const mid = (lo + hi + 1) >> 1;
                if (start + offsets[mid] <= line)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            const key = names ? names[lo] : lo;
            const child = Array.isArray(v) ? v[lo] : v[key];
            const childLine = start + offsets[lo];
            if (line >= childLine + this.height(child))
                return undefined; // the container's closing bracket
            path.push(key);
            if (childLine === line)
                return path;
            v = child;
            start = childLine;
        }
        return undefined;
    }
}
exports.TemplateLayout = TemplateLayout;
