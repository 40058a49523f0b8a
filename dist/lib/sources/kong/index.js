"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kongAdapter = exports.scopeText = exports.PluginIndex = exports.PRECEDENCE = exports.cacheKindOf = exports.NO_STORE_PLUGINS = exports.AUTH_PLUGINS = exports.detectKong = exports.detectDeckPatch = exports.placeholderWhy = exports.findPlaceholder = exports.routeText = exports.methodsFromList = exports.methodsFromExpression = exports.KONG_FORMAT_VERSIONS = exports.readDeckState = exports.buildKongModel = exports.OpaquePluginConfig = exports.LayeredPluginConfig = exports.defineLazyLocation = void 0;
const node_path_1 = require("node:path");
const build_1 = require("./build");
const deck_1 = require("./deck");
const detect_1 = require("./detect");
var state_1 = require("./state");
Object.defineProperty(exports, "defineLazyLocation", { enumerable: true, get: function () { return state_1.defineLazyLocation; } });
Object.defineProperty(exports, "LayeredPluginConfig", { enumerable: true, get: function () { return state_1.LayeredPluginConfig; } });
Object.defineProperty(exports, "OpaquePluginConfig", { enumerable: true, get: function () { return state_1.OpaquePluginConfig; } });
var build_2 = require("./build");
Object.defineProperty(exports, "buildKongModel", { enumerable: true, get: function () { return build_2.buildKongModel; } });
var deck_2 = require("./deck");
Object.defineProperty(exports, "readDeckState", { enumerable: true, get: function () { return deck_2.readDeckState; } });
Object.defineProperty(exports, "KONG_FORMAT_VERSIONS", { enumerable: true, get: function () { return deck_2.KONG_FORMAT_VERSIONS; } });
var routes_1 = require("./routes");
Object.defineProperty(exports, "methodsFromExpression", { enumerable: true, get: function () { return routes_1.methodsFromExpression; } });
Object.defineProperty(exports, "methodsFromList", { enumerable: true, get: function () { return routes_1.methodsFromList; } });
Object.defineProperty(exports, "routeText", { enumerable: true, get: function () { return routes_1.routeText; } });
var placeholders_1 = require("./placeholders");
Object.defineProperty(exports, "findPlaceholder", { enumerable: true, get: function () { return placeholders_1.findPlaceholder; } });
Object.defineProperty(exports, "placeholderWhy", { enumerable: true, get: function () { return placeholders_1.placeholderWhy; } });
var detect_2 = require("./detect");
Object.defineProperty(exports, "detectDeckPatch", { enumerable: true, get: function () { return detect_2.detectDeckPatch; } });
Object.defineProperty(exports, "detectKong", { enumerable: true, get: function () { return detect_2.detectKong; } });
// decK patch files are rare beside state files: their reader (and its JSONPath engine) loads when a scan has one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deckPatch = () => require('./deck-patch');
var plugins_1 = require("./plugins");
Object.defineProperty(exports, "AUTH_PLUGINS", { enumerable: true, get: function () { return plugins_1.AUTH_PLUGINS; } });
Object.defineProperty(exports, "NO_STORE_PLUGINS", { enumerable: true, get: function () { return plugins_1.NO_STORE_PLUGINS; } });
Object.defineProperty(exports, "cacheKindOf", { enumerable: true, get: function () { return plugins_1.cacheKindOf; } });
var precedence_1 = require("./precedence");
Object.defineProperty(exports, "PRECEDENCE", { enumerable: true, get: function () { return precedence_1.PRECEDENCE; } });
Object.defineProperty(exports, "PluginIndex", { enumerable: true, get: function () { return precedence_1.PluginIndex; } });
Object.defineProperty(exports, "scopeText", { enumerable: true, get: function () { return precedence_1.scopeText; } });
exports.kongAdapter = {
    format: 'kong',
    detect: (doc) => (0, detect_1.detectKong)(doc) || (0, detect_1.detectDeckPatch)(doc),
    // One file alone: a patch file in it has no state to change (unjudged), a state file is read as it is.
    toModels: (input) => exports.kongAdapter.toModelsTogether([input]),
    // Together, so decK patch / add-plugins files meet the state files they change (deck-patch.ts).
    toModelsTogether(inputs) {
        const out = { models: [], errors: [], unjudged: [], formats: {} };
        const patchFiles = [];
        const states = [];
        for (const input of inputs) {
            const docs = input.parsed.documents.filter((d) => d.value !== null && d.value !== undefined);
            if (!docs.some((d) => (0, detect_1.detectDeckPatch)(d))) {
                states.push(input);
                continue;
            }
            const patches = [];
            input.parsed.documents.forEach((doc, i) => {
                if (doc.value === null || doc.value === undefined)
                    return;
                if (!(0, detect_1.detectDeckPatch)(doc)) {
                    const l = doc.locate([]);
                    out.errors.push({
                        file: input.file,
                        line: l.line,
                        column: l.column,
                        code: 'unknown-format',
                        message: `YAML document ${i + 1} is not a decK patch or add-plugins document, as the rest of this file is`,
                    });
                    return;
                }
                const read = deckPatch().readDeckPatch(input.file, doc);
                patches.push(read.patch);
                out.errors.push(...read.errors);
            });
            const kinds = [...new Set(patches.flatMap((p) => p.kinds))];
            out.formats[input.file] = kinds.join('+');
            const first = patches[0];
            const l = first.doc.locate(first.kinds[0] === 'deck-patch' ? ['patches'] : ['add-plugins']);
            patchFiles.push({ file: input.file, patches, at: l, kinds });
        }
        // A patch file changes the Kong state files in its own folder or, if there are none, in the nearest folder above
        // it (decK pipelines keep patches beside or below the state they change); several patch files apply in the order
        // the scan met them (the order `deck file patch` takes them on its command line).
        const byBase = new Map();
        for (const pf of patchFiles) {
            const bases = nearestStates(pf.file, states.map((s) => s.file));
            if (bases.length === 0) {
                out.unjudged.push({ file: pf.file, line: pf.at.line, column: pf.at.column, code: 'deck-patch-without-base', message: withoutBase(pf.file, pf.kinds) });
                continue;
            }
            for (const b of bases)
                byBase.set(b, [...(byBase.get(b) ?? []), ...pf.patches]);
        }
        const seen = new Set();
        for (const s of states) {
            const r = convert(s.file, s.parsed, byBase.get(s.file) ?? []);
            out.models.push(...r.models);
            for (const e of r.errors) {
                // A patch file applied to several bases reports its own problems once.
                const key = `${e.file}:${e.line}:${e.column}:${e.code}:${e.message}`;
                if (!seen.has(key))
                    out.errors.push(e);
                seen.add(key);
            }
        }
        return out;
    },
};
function convert(file, parsed, patches) {
    const model = { file, endpoints: [], facts: [] };
    const errors = [];
    parsed.documents.forEach((doc, i) => {
        // An empty document (a leading `---`, a trailing one) holds nothing to lint, wherever it is; detection already
        // found a Kong document in this file, so skipping empties cannot make a file pass unread.
        if (doc.value === null || doc.value === undefined)
            return;
        if (!(0, detect_1.detectKong)(doc)) {
            const l = doc.locate([]);
            const what = (0, detect_1.detectDeckPatch)(doc)
                ? 'is a decK patch document, which cannot share a file with a Kong declarative configuration'
                : 'is not a Kong declarative configuration';
            errors.push({ file, line: l.line, column: l.column, code: 'unknown-format', message: `YAML document ${i + 1} ${what}` });
            return;
        }
        let state = doc;
        if (patches.length) {
            const applied = deckPatch().applyDeckPatches(file, doc, patches);
            errors.push(...applied.errors);
            state = applied.doc;
        }
        const { state: read, errors: readErrors } = (0, deck_1.readDeckState)(file, state);
        const built = (0, build_1.buildKongModel)(read, { file, flavor: 'kong' });
        model.endpoints.push(...built.endpoints);
        model.facts.push(...built.facts);
        errors.push(...readErrors);
    });
    return { models: [model], errors };
}
const dirOf = (file) => node_path_1.posix.dirname(file);
/** How far below `dir` the folder `sub` is, or -1 when it is not `dir` or below it. */
function depthBelow(dir, sub) {
    if (dir === sub)
        return 0;
    if (dir === '.')
        return sub.startsWith('/') || sub.startsWith('..') ? -1 : sub.split('/').length;
    return sub.startsWith(dir.endsWith('/') ? dir : `${dir}/`) ? sub.slice(dir.length).split('/').filter(Boolean).length : -1;
}
/** The state files in the patch file's folder or, failing that, in the nearest folder above it. */
function nearestStates(patchFile, stateFiles) {
    const pd = dirOf(patchFile);
    let best = Infinity;
    let out = [];
    for (const f of stateFiles) {
        const d = depthBelow(dirOf(f), pd);
        if (d < 0 || d > best)
            continue;
        if (d < best)
            out = [];
        best = d;
        out.push(f);
    }
    return out;
}
function withoutBase(file, kinds) {
    const { DECK_COMMAND, KIND_NAME } = deckPatch();
    const name = kinds.map((k) => KIND_NAME[k]).join(' and ');
    // decK reads the state with -s (default stdin) and writes with -o (default stdout): cmd/file_patch.go, cmd/file_addplugins.go.
    const run = kinds.length === 1
        ? `${DECK_COMMAND[kinds[0]]} -s kong.yaml -o kong.patched.yaml ${file}`
        : `${DECK_COMMAND['deck-add-plugins']} -s kong.yaml ${file} | ${DECK_COMMAND['deck-patch']} -o kong.patched.yaml ${file}`;
    return (`${name} (input of \`${kinds.map((k) => DECK_COMMAND[k]).join('` and `')}\`): it changes a Kong state file, and no Kong state file of this scan ` +
        `is in its folder or above it to apply it to. Scan it with that state (\`cachelint kong.yaml ${file}\`), or scan decK's result: \`${run} && cachelint kong.patched.yaml\``);
}
exports.default = exports.kongAdapter;
