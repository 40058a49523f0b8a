"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRecord = void 0;
exports.locOf = locOf;
exports.errorAt = errorAt;
exports.annotation = annotation;
exports.label = label;
exports.readManifests = readManifests;
const yaml_1 = require("../../parse/yaml");
const detect_1 = require("./detect");
const placeholders_1 = require("../kong/placeholders");
Object.defineProperty(exports, "isRecord", { enumerable: true, get: function () { return placeholders_1.isRecord; } });
/** Kinds this adapter reads. */
const READ_KINDS = new Set([...detect_1.KONG_KINDS, 'KongServiceFacade', 'Ingress', 'HTTPRoute', 'Service']);
/** Cluster-scoped kinds: named without a namespace. */
const CLUSTER_KINDS = new Set(['KongClusterPlugin']);
/** A location inside an object, computed only when a finding asks for it. */
function locOf(o, path) {
    return new yaml_1.LazyLocation(o.file, o.doc, [...o.base, ...path]);
}
function errorAt(o, path, code, message) {
    const l = o.doc.locate([...o.base, ...path]);
    return { file: o.file, line: l.line, column: l.column, code, message };
}
function annotation(o, key) {
    const meta = o.obj.metadata;
    const a = (0, placeholders_1.isRecord)(meta) && (0, placeholders_1.isRecord)(meta.annotations) ? meta.annotations[key] : undefined;
    return typeof a === 'string' ? a : typeof a === 'number' || typeof a === 'boolean' ? String(a) : undefined;
}
function label(o, key) {
    const meta = o.obj.metadata;
    const l = (0, placeholders_1.isRecord)(meta) && (0, placeholders_1.isRecord)(meta.labels) ? meta.labels[key] : undefined;
    // A label value is a string; YAML may read an unquoted `true` or `3` as a scalar of another type.
    return typeof l === 'string' || typeof l === 'number' || typeof l === 'boolean' ? String(l) : undefined;
}
/** The Kong-relevant objects of one parsed file, with located errors for objects that cannot be read. */
function readManifests(file, parsed) {
    const objects = [];
    const errors = [];
    parsed.documents.forEach((doc, d) => {
        const root = doc.value;
        if (root === null || root === undefined)
            return; // an empty document (a trailing `---`)
        if (!(0, placeholders_1.isRecord)(root))
            return;
        const take = (obj, base) => {
            if (!(0, placeholders_1.isRecord)(obj) || typeof obj.kind !== 'string' || !READ_KINDS.has(obj.kind))
                return;
            const kind = obj.kind;
            const meta = (0, placeholders_1.isRecord)(obj.metadata) ? obj.metadata : undefined;
            const draft = { file, doc, document: d + 1, base, obj, kind, name: '', namespace: '', id: '' };
            if (kind === 'Ingress' && !/kong/i.test((0, detect_1.ingressClassOf)(obj) ?? 'kong'))
                return; // another controller's Ingress
            const name = meta?.name;
            if (typeof name !== 'string' || name === '') {
                errors.push(errorAt(draft, meta ? ['metadata'] : [], 'invalid-manifest', `${kind} in YAML document ${d + 1} has no metadata.name: Kong Ingress Controller cannot reference it`));
                return;
            }
            const namespace = CLUSTER_KINDS.has(kind) ? '' : typeof meta?.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
            draft.name = name;
            draft.namespace = namespace;
            draft.id = namespace ? `${namespace}/${kind}/${name}` : `${kind}/${name}`;
            objects.push(draft);
        };
        if (root.kind === 'List' && Array.isArray(root.items))
            root.items.forEach((item, i) => take(item, ['items', i]));
        else
            take(root, []);
    });
    return { objects, errors };
}
