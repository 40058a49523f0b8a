"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KIND_NAME = exports.DECK_COMMAND = void 0;
exports.readDeckPatch = readDeckPatch;
exports.applyDeckPatches = applyDeckPatches;
const jsonpath_1 = require("./jsonpath");
const placeholders_1 = require("./placeholders");
const FOREIGN_KEYS = ['service', 'route', 'consumer', 'consumer_group'];
/** The decK command that applies this kind, for messages. */
exports.DECK_COMMAND = { 'deck-patch': 'deck file patch', 'deck-add-plugins': 'deck file add-plugins' };
exports.KIND_NAME = { 'deck-patch': 'decK patch file', 'deck-add-plugins': 'decK add-plugins file' };
function setMember(obj, key, value) {
    if (key === '__proto__')
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    else
        obj[key] = value;
}
/** Reads one patch document (detected by detectDeckPatch). Problems are located errors in the patch file. */
// eslint-disable-next-line max-lines-per-function -- validates the patch document top to bottom, each check locating its error in the same path
function readDeckPatch(file, doc) {
    const root = doc.value;
    const errors = [];
    const error = (code, message, path) => {
        const l = doc.locate(path);
        errors.push({ file, line: l.line, column: l.column, code, message });
    };
    const patch = { file, doc, kinds: [], ops: [] };
    // go-apiops deckformat.ParseFormatVersion: a string "x" or "x.y" of integers; anything else fails the command.
    if ('_format_version' in root) {
        const v = root._format_version;
        if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v))
            error('parse', `decK rejects this file: _format_version must be a string in 'x.y' format (quote it: "1.0"), not ${JSON.stringify(v)}`, ['_format_version']);
    }
    const selectorsOf = (entry, at, empty) => {
        const raw = entry.selectors;
        if (raw === undefined || raw === null)
            return [{ source: '$', path: (0, jsonpath_1.parseJsonPath)('$') }];
        if (!Array.isArray(raw)) {
            error('parse', `${label(at)}.selectors must be a list of JSONPath strings`, [...at, 'selectors']);
            return undefined;
        }
        if (raw.length === 0 && empty === 'root')
            return [{ source: '$', path: (0, jsonpath_1.parseJsonPath)('$') }];
        const out = [];
        raw.forEach((s, i) => {
            if (typeof s !== 'string')
                return; // decK drops non-string entries (jsonbasics.GetStringArrayField)
            try {
                out.push({ source: s, path: (0, jsonpath_1.parseJsonPath)(s) });
            }
            catch (e) {
                if (!(e instanceof jsonpath_1.JsonPathError))
                    throw e;
                const l = doc.locate([...at, 'selectors', i]);
                const message = `${label(at)}.selectors[${i}]: cachelint cannot evaluate the JSONPath selector ${JSON.stringify(s)}: ${e.message}`;
                out.push({ source: s, problem: { file, line: l.line, column: l.column, code: 'unsupported-selector', message } });
            }
        });
        return out;
    };
    for (const key of Object.keys(root)) {
        if (key !== 'patches' && key !== 'add-plugins')
            continue;
        patch.kinds.push(key === 'patches' ? 'deck-patch' : 'deck-add-plugins');
        const list = root[key];
        if (list === null || list === undefined)
            continue;
        if (!Array.isArray(list)) {
            error('parse', `${key} must be a list`, [key]);
            continue;
        }
        list.forEach((entry, i) => {
            if (!(0, placeholders_1.isRecord)(entry))
                return; // decK ignores non-object entries (jsonbasics.GetObjectArrayField)
            const at = [key, i];
            if (key === 'patches') {
                // deckpatchfile.go: only entries with `values` or `remove` are patches.
                if ((entry.values === undefined || entry.values === null) && (entry.remove === undefined || entry.remove === null))
                    return;
                const selectors = selectorsOf(entry, at, 'none');
                const op = { kind: 'patch', selectors: selectors ?? [], remove: [], at };
                let ok = selectors !== undefined;
                if ((0, placeholders_1.isRecord)(entry.values))
                    op.values = entry.values;
                else if (Array.isArray(entry.values))
                    op.appends = entry.values;
                else if (entry.values !== undefined && entry.values !== null) {
                    error('parse', `${label(at)}.values must be a mapping (keys to set) or a list (entries to append)`, [...at, 'values']);
                    ok = false;
                }
                if (entry.remove !== undefined && entry.remove !== null) {
                    if (!Array.isArray(entry.remove)) {
                        error('parse', `${label(at)}.remove must be a list of keys`, [...at, 'remove']);
                        ok = false;
                    }
                    else
                        op.remove = entry.remove.filter((r) => typeof r === 'string');
                }
                for (const r of op.remove)
                    if (op.values && Object.prototype.hasOwnProperty.call(op.values, r)) {
                        error('parse', `${label(at)} sets and removes "${r}" at the same time (decK rejects it)`, [...at, 'remove']);
                        ok = false;
                    }
                if (ok)
                    patch.ops.push(op);
            }
            else {
                const selectors = selectorsOf(entry, at, 'root');
                let ok = selectors !== undefined;
                let plugins = [];
                if (entry.plugins !== undefined && entry.plugins !== null) {
                    if (!Array.isArray(entry.plugins)) {
                        error('parse', `${label(at)}.plugins must be a list of plugins`, [...at, 'plugins']);
                        ok = false;
                    }
                    else
                        plugins = entry.plugins.filter(placeholders_1.isRecord);
                }
                const overwrite = entry.overwrite;
                if (overwrite !== undefined && overwrite !== null && typeof overwrite !== 'boolean') {
                    error('parse', `${label(at)}.overwrite must be true or false`, [...at, 'overwrite']);
                    ok = false;
                }
                if (ok)
                    patch.ops.push({ kind: 'add-plugins', selectors: selectors, plugins, overwrite: overwrite === true, at });
            }
        });
    }
    return { patch, errors };
}
function label(at) {
    return `${at[0]}[${at[1]}]`;
}
/**
 * Applies patch files, in order, to a copy of a base state document. The base document is not changed. Errors (a
 * plugin with foreign keys for nested targets, which decK refuses) are located in the patch file.
 */
// eslint-disable-next-line max-lines-per-function -- decK's patch semantics in one place; the closures share the origin map that locates every patched value
function applyDeckPatches(baseFile, base, patches) {
    const members = new WeakMap();
    const errors = [];
    const clone = (v, doc, file) => {
        if (typeof v !== 'object' || v === null)
            return v;
        const origins = new Map();
        let out;
        if (Array.isArray(v)) {
            out = v.map((x, i) => {
                origins.set(i, { doc, file, obj: v, key: i });
                return clone(x, doc, file);
            });
        }
        else {
            out = {};
            for (const k of Object.keys(v)) {
                origins.set(k, { doc, file, obj: v, key: k });
                setMember(out, k, clone(v[k], doc, file));
            }
        }
        members.set(out, origins);
        return out;
    };
    const originsOf = (container) => {
        let m = members.get(container);
        if (!m)
            members.set(container, (m = new Map()));
        return m;
    };
    const root = clone(base.value, base, baseFile);
    for (const p of patches) {
        for (const op of p.ops) {
            // A selector cachelint cannot evaluate leaves the result unknown: the patch is not applied, and that is an error.
            const problems = op.selectors.filter((s) => s.problem).map((s) => s.problem);
            if (op.kind === 'patch' && !Object.keys(op.values ?? {}).length && !op.appends?.length && op.remove.length === 0)
                continue; // deckpatch.go: nothing to do
            if (problems.length) {
                errors.push(...problems);
                continue;
            }
            const selected = [];
            for (const s of op.selectors)
                selected.push(...(0, jsonpath_1.queryJsonPath)(s.path, root));
            if (op.kind === 'patch') {
                const valuesAt = op.values ?? op.appends;
                for (const node of selected) {
                    if (op.appends?.length) {
                        // deckpatch.go ApplyToArrayNode: append to arrays, skip everything else.
                        if (!Array.isArray(node))
                            continue;
                        op.appends.forEach((v, j) => {
                            originsOf(node).set(node.length, { doc: p.doc, file: p.file, obj: valuesAt, key: j });
                            node.push(clone(v, p.doc, p.file));
                        });
                        continue;
                    }
                    if (!(0, placeholders_1.isRecord)(node))
                        continue;
                    for (const [k, v] of Object.entries(op.values ?? {})) {
                        originsOf(node).set(k, { doc: p.doc, file: p.file, obj: valuesAt, key: k });
                        setMember(node, k, clone(v, p.doc, p.file));
                    }
                    for (const k of op.remove) {
                        if (!Object.prototype.hasOwnProperty.call(node, k))
                            continue;
                        delete node[k];
                        originsOf(node).delete(k);
                    }
                }
                continue;
            }
            // plugins.go Plugger.search: objects only, each once.
            const owners = [];
            for (const node of selected)
                if ((0, placeholders_1.isRecord)(node) && !owners.includes(node))
                    owners.push(node);
            const onlyRoot = owners.length === 1 && owners[0] === root;
            const pluginsAt = p.doc.get([...op.at, 'plugins']);
            let refused = false;
            for (const plugin of op.plugins) {
                if (onlyRoot || foreignKey(plugin) === NO_FOREIGN_KEYS)
                    continue;
                const j = pluginsAt.indexOf(plugin);
                const l = p.doc.locate([...op.at, 'plugins', j]);
                errors.push({
                    file: p.file,
                    line: l.line,
                    column: l.column,
                    code: 'parse',
                    message: `${label(op.at)}.plugins[${j}] names its ${FOREIGN_KEYS.filter((k) => plugin[k] !== undefined && plugin[k] !== null).join('/')}, which decK accepts only when the selectors pick the top level ($) alone: decK refuses this file`,
                });
                refused = true;
                break;
            }
            if (refused)
                continue;
            let main = Array.isArray(root.plugins) ? root.plugins : undefined;
            for (const owner of owners) {
                let list = owner.plugins;
                if (!Array.isArray(list)) {
                    list = [];
                    setMember(owner, 'plugins', list);
                    originsOf(owner).set('plugins', { doc: p.doc, file: p.file, obj: p.doc.get(op.at), key: 'plugins' });
                    members.set(list, new Map());
                    if (owner === root)
                        main = list;
                }
                const arr = list;
                op.plugins.forEach((plugin) => {
                    const name = typeof plugin.name === 'string' ? plugin.name : undefined;
                    const fk = foreignKey(plugin);
                    const idx = arr.findIndex((x) => (0, placeholders_1.isRecord)(x) && typeof x.name === 'string' && x.name === name && (arr !== main || foreignKey(x) === fk));
                    if (idx >= 0 && !op.overwrite)
                        return;
                    const at = idx >= 0 ? idx : arr.length;
                    const origin = pluginsAt.indexOf(plugin);
                    originsOf(arr).set(at, { doc: p.doc, file: p.file, obj: pluginsAt, key: origin });
                    arr[at] = clone(plugin, p.doc, p.file);
                });
            }
        }
    }
    const originAt = (path) => {
        let node = root;
        let last;
        for (const seg of path) {
            if (typeof node !== 'object' || node === null)
                break;
            const o = members.get(node)?.get(seg);
            if (!o)
                break;
            last = o;
            node = node[seg];
        }
        return last;
    };
    const doc = {
        value: root,
        locate(path) {
            const o = originAt(path);
            return (o && o.doc.locateMember(o.obj, o.key)) ?? base.locate(o ? [] : path);
        },
        fileAt(path) {
            return originAt(path)?.file ?? baseFile;
        },
    };
    return { doc, errors };
}
const NO_FOREIGN_KEYS = FOREIGN_KEYS.map(() => ':').join('');
/** plugins.go ForeignKey: the scalar values of the foreign key fields (a `{ name: x }` reference counts as none). */
function foreignKey(plugin) {
    let out = '';
    for (const k of FOREIGN_KEYS) {
        const v = plugin[k];
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            out += String(v);
        out += ':';
    }
    return out;
}
