"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TemplateReader = void 0;
exports.branchWhy = branchWhy;
exports.documentLocator = documentLocator;
const model_1 = require("../../model");
const intrinsics_1 = require("./intrinsics");
/** "applies only when condition C is true (C depends on parameter Env ...)": for `unknown` reasons. */
function branchWhy(c) {
    return `it applies only when condition ${c.name} is ${c.branch} (Fn::If), and ${c.why}`;
}
class TemplateReader {
    template;
    locator;
    file;
    flavor;
    document;
    resolver;
    resources;
    facts = [];
    constructor(template, locator, file, flavor, 
    /** The YAML document of the file the template is (autofix addresses it); absent for cdk.out and CDK stacks. */
    document) {
        this.template = template;
        this.locator = locator;
        this.file = file;
        this.flavor = flavor;
        this.document = document;
        this.resolver = new intrinsics_1.Resolver(template);
        const res = template.Resources;
        this.resources = res && typeof res === 'object' && !Array.isArray(res) ? res : {};
    }
    at(path) {
        return this.locator.locate(path);
    }
    /** Where a value is for `--fix`; undefined for generated templates (cdk.out, CDK stacks), which are not edited. */
    valuePath(path) {
        return this.document === undefined ? undefined : { file: this.file, document: this.document, path: [...path] };
    }
    /** Raw value at a path from the template root. */
    raw(path) {
        let node = this.template;
        for (const seg of path) {
            if (node === null || typeof node !== 'object')
                return undefined;
            node = node[seg];
        }
        return node;
    }
    /** Resources of the given types whose Condition is not known to be false. */
    ofType(...types) {
        const out = [];
        for (const [id, r] of Object.entries(this.resources)) {
            if (!r || typeof r !== 'object' || typeof r.Type !== 'string' || !types.includes(r.Type))
                continue;
            if (typeof r.Condition === 'string') {
                const c = this.resolver.condition(r.Condition);
                if (c.known && !c.value)
                    continue;
            }
            out.push([id, r]);
        }
        return out;
    }
    typeOf(id) {
        const t = this.resources[id]?.Type;
        return typeof t === 'string' ? t : undefined;
    }
    /**
     * The object at `path`, following `Fn::If` whose condition resolves (the path then goes through the chosen branch,
     * so locations stay exact). Undefined when absent, AWS::NoValue, or not resolvable to an object.
     */
    node(path) {
        let p = path;
        let v = this.raw(p);
        for (let i = 0; i < 10 && (0, intrinsics_1.isIntrinsic)(v); i++) {
            const fn = Object.keys(v)[0];
            if (fn === 'Fn::If' && Array.isArray(v[fn]) && typeof v[fn][0] === 'string') {
                const c = this.resolver.condition(v[fn][0]);
                if (c.known) {
                    p = [...p, 'Fn::If', c.value ? 1 : 2];
                    v = this.raw(p);
                    continue;
                }
            }
            const r = this.resolver.resolve(v);
            if (!r.known)
                return { unresolved: r, path: p };
            if (r.value === intrinsics_1.NO_VALUE || r.value === undefined)
                return undefined;
            return { value: r.value, path: p };
        }
        if (v === undefined || v === null)
            return undefined;
        return { value: v, path: p };
    }
    /** An object member (following resolvable Fn::If); undefined when absent or not an object. */
    obj(path) {
        const n = this.node(path);
        if (!n || !('value' in n))
            return undefined;
        const v = n.value;
        return v && typeof v === 'object' && !Array.isArray(v) ? { value: v, path: n.path } : undefined;
    }
    /**
     * A list member's items with their paths (following resolvable Fn::If); [] when absent. An item, or the whole list,
     * written as `Fn::If` on a condition that does not resolve gives the items of both branches, each marked with the
     * condition (AWS::NoValue branches drop out): both possible deploys are judged, and callers turn deciding values of
     * a conditional item into `unknown` naming the condition. An item that does not resolve at all has `unresolved`.
     */
    items(path) {
        const out = [];
        for (const list of this.alternatives(path)) {
            if (!Array.isArray(list.value))
                continue;
            list.value.forEach((_, i) => {
                for (const item of this.alternatives([...list.path, i], list.condition))
                    out.push(item);
            });
        }
        return out;
    }
    /** The value at `path`; an `Fn::If` whose condition does not resolve gives each branch (marked), NoValue none. */
    alternatives(path, condition, depth = 0) {
        const n = this.node(path);
        if (!n)
            return [];
        if ('value' in n)
            return [{ value: n.value, path: n.path, condition }];
        const raw = this.raw(n.path);
        const args = (0, intrinsics_1.isIntrinsic)(raw) ? raw['Fn::If'] : undefined;
        if (depth < 10 && Array.isArray(args) && args.length === 3 && typeof args[0] === 'string') {
            const name = args[0];
            return [1, 2].flatMap((b) => this.alternatives([...n.path, 'Fn::If', b], condition ?? { name, branch: b === 1, why: this.resolver.describeCondition(name) }, depth + 1));
        }
        return [{ value: undefined, path: n.path, condition, unresolved: n.unresolved.why }];
    }
    /** A scalar at `path` as a Value (unknown with the location of the expression); undefined when absent. */
    value(path, convert) {
        const raw = this.raw(path);
        if (raw === undefined)
            return undefined;
        const r = this.resolver.resolve(raw);
        if (r.known && (r.value === intrinsics_1.NO_VALUE || r.value === undefined || r.value === null))
            return undefined;
        const c = convert(r);
        return c.known ? (0, model_1.known)(c.value) : (0, model_1.unknown)(c.why, this.at(path));
    }
    /** Location for a resource (its logical id key). */
    resourceAt(id) {
        return this.at(['Resources', id]);
    }
}
exports.TemplateReader = TemplateReader;
/** Locator over a parsed YAML/JSON document: lines and columns, plus the logical id and CDK construct path. */
function documentLocator(doc, file, template, 
/** Logical id → construct path from a cdk.out manifest, for templates synthesised without path metadata. */
constructPaths = {}) {
    const resources = (template.Resources ?? {});
    return {
        locate(path) {
            const p = doc.locate(path);
            const loc = { file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn };
            if (path[0] === 'Resources' && typeof path[1] === 'string') {
                loc.logicalId = path[1];
                const cdkPath = resources[path[1]]?.Metadata?.['aws:cdk:path'] ?? constructPaths[path[1]];
                if (typeof cdkPath === 'string')
                    loc.constructPath = cdkPath;
            }
            return loc;
        },
    };
}
