"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildApiIndex = buildApiIndex;
const stages_1 = require("./stages");
function buildApiIndex(apis) {
    const methods = new Map();
    const settings = new Map();
    const wide = new Map();
    for (const api of apis) {
        methods.set(api, groupBy(api.methods, (m) => m.path));
        for (const stage of api.stages) {
            settings.set(stage, groupBy(stage.settings, (s) => s.path ?? ''));
            wide.set(stage, (0, stages_1.computeStageWide)(stage));
        }
    }
    return {
        methodsOn: (api, path) => methods.get(api)?.get(path) ?? [],
        settingsOn: (stage, path) => settings.get(stage)?.get(path) ?? [],
        stageWide: (stage) => wide.get(stage),
        reportedStages: new Set(),
    };
}
function groupBy(items, key) {
    const out = new Map();
    for (const item of items) {
        const k = key(item);
        const list = out.get(k);
        if (list)
            list.push(item);
        else
            out.set(k, [item]);
    }
    return out;
}
