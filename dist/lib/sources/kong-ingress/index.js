"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kongIngressAdapter = exports.readManifests = exports.buildIngressState = exports.screenKongIngressText = exports.detectKongIngress = void 0;
const build_1 = require("../kong/build");
const detect_1 = require("./detect");
const manifests_1 = require("./manifests");
const state_1 = require("./state");
var detect_2 = require("./detect");
Object.defineProperty(exports, "detectKongIngress", { enumerable: true, get: function () { return detect_2.detectKongIngress; } });
Object.defineProperty(exports, "screenKongIngressText", { enumerable: true, get: function () { return detect_2.screenKongIngressText; } });
var state_2 = require("./state");
Object.defineProperty(exports, "buildIngressState", { enumerable: true, get: function () { return state_2.buildIngressState; } });
var manifests_2 = require("./manifests");
Object.defineProperty(exports, "readManifests", { enumerable: true, get: function () { return manifests_2.readManifests; } });
function toModelsTogether(inputs) {
    const objects = [];
    const errors = [];
    for (const { file, parsed } of inputs) {
        try {
            const read = (0, manifests_1.readManifests)(file, parsed);
            objects.push(...read.objects);
            errors.push(...read.errors);
        }
        catch (e) {
            errors.push({ file, code: 'internal', message: `internal error while reading this file: ${e?.message ?? String(e)} (please report it)` });
        }
    }
    const { state, errors: stateErrors } = (0, state_1.buildIngressState)(objects);
    errors.push(...stateErrors);
    const built = (0, build_1.buildKongModel)(state, { file: inputs[0]?.file ?? '', flavor: 'kong-ingress' });
    // One model per file: endpoints belong to the file of their Ingress/HTTPRoute (buildKongModel keeps route order).
    const byFile = new Map(inputs.map((i) => [i.file, { file: i.file, endpoints: [], facts: [] }]));
    const modelOf = (file) => {
        let m = byFile.get(file);
        if (!m)
            byFile.set(file, (m = { file, endpoints: [], facts: [] }));
        return m;
    };
    built.endpoints.forEach((e, i) => modelOf(state.routes[i].at.file).endpoints.push(e));
    for (const f of built.facts)
        modelOf(f.at.file).facts.push(f);
    return { models: [...byFile.values()], errors };
}
exports.kongIngressAdapter = {
    format: 'kong-ingress',
    detect: (doc) => (0, detect_1.detectKongIngress)(doc),
    toModels: (input) => toModelsTogether([input]),
    toModelsTogether,
    screenText: (text) => (0, detect_1.screenKongIngressText)(text),
};
exports.default = exports.kongIngressAdapter;
