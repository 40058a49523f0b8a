"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readStage = exports.parseSettingKey = exports.collectStages = exports.collectRestApis = exports.apiFor = exports.readOpenApi = exports.selectingParams = exports.normaliseMethod = exports.markIncomplete = exports.joinPath = void 0;
exports.apiEndpoints = apiEndpoints;
const model_1 = require("../../../model");
const api_index_1 = require("./api-index");
const method_settings_1 = require("./method-settings");
const stage_layer_1 = require("./stage-layer");
const stages_1 = require("./stages");
var api_model_1 = require("./api-model");
Object.defineProperty(exports, "joinPath", { enumerable: true, get: function () { return api_model_1.joinPath; } });
Object.defineProperty(exports, "markIncomplete", { enumerable: true, get: function () { return api_model_1.markIncomplete; } });
Object.defineProperty(exports, "normaliseMethod", { enumerable: true, get: function () { return api_model_1.normaliseMethod; } });
Object.defineProperty(exports, "selectingParams", { enumerable: true, get: function () { return api_model_1.selectingParams; } });
var openapi_1 = require("./openapi");
Object.defineProperty(exports, "readOpenApi", { enumerable: true, get: function () { return openapi_1.readOpenApi; } });
var rest_api_1 = require("./rest-api");
Object.defineProperty(exports, "apiFor", { enumerable: true, get: function () { return rest_api_1.apiFor; } });
Object.defineProperty(exports, "collectRestApis", { enumerable: true, get: function () { return rest_api_1.collectRestApis; } });
var stages_2 = require("./stages");
Object.defineProperty(exports, "collectStages", { enumerable: true, get: function () { return stages_2.collectStages; } });
Object.defineProperty(exports, "parseSettingKey", { enumerable: true, get: function () { return stages_2.parseSettingKey; } });
Object.defineProperty(exports, "readStage", { enumerable: true, get: function () { return stages_2.readStage; } });
/** Endpoints of every API and stage; CL008/CL006 facts for settings that match nothing or cannot be read. */
function apiEndpoints(reader, apis) {
    const byApi = new Map();
    const index = (0, api_index_1.buildApiIndex)(apis.values());
    for (const api of apis.values()) {
        const list = [];
        byApi.set(api.id, list);
        if (api.stages.length === 0) {
            for (const m of api.methods)
                list.push({ stageName: (0, model_1.known)(''), endpoint: (0, stage_layer_1.endpointFor)(reader, index, api, undefined, m) });
            continue;
        }
        for (const stage of api.stages) {
            (0, method_settings_1.checkSettings)(reader, index, api, stage);
            const methods = [...api.methods];
            // Methods we cannot see (API body elsewhere): explicit settings that cache a write still say enough.
            if (!api.complete) {
                for (const s of stage.settings) {
                    if (!s.path || s.path === '*' || !s.method || s.method === '*')
                        continue;
                    if (methods.some((m) => m.path === s.path && (m.httpMethod === s.method || m.httpMethod === 'ANY')))
                        continue;
                    if (!(s.caching && (!s.caching.known || s.caching.value)))
                        continue;
                    if (s.method !== 'ANY' && !(0, model_1.isUnsafe)(s.method))
                        continue; // reads: the stage fact covers them
                    methods.push(syntheticMethod(s, api));
                }
            }
            for (const m of methods)
                list.push({ stageName: stage.stageName, endpoint: (0, stage_layer_1.endpointFor)(reader, index, api, stage, m) });
            if ((0, stages_1.stageCachesAnything)(stage))
                for (const u of api.unresolvedMethods ?? [])
                    reader.facts.push({
                        kind: 'unresolved-setting',
                        resource: stage.resource,
                        route: `method ${u.id}`,
                        findingId: `method:${u.id}`,
                        at: u.at,
                        reason: { kind: 'method-unresolved', stage: (0, stages_1.stageLabel)(stage), cachesSurely: (0, stages_1.stageSurelyCaches)(stage), method: u.id, part: u.part, why: u.why },
                        blocks: ['CL001', 'CL004', 'CL007'],
                        flavor: reader.flavor,
                        platform: 'apigateway',
                    });
            if (!api.complete && index.stageWide(stage)?.on !== false && (0, stages_1.stageCachesAnything)(stage) && api.methods.length === 0) {
                reader.facts.push({
                    kind: 'unresolved-setting',
                    resource: stage.resource,
                    route: `stage ${(0, stages_1.stageLabel)(stage)}`,
                    findingId: 'stage',
                    at: stage.at,
                    reason: { kind: 'methods-elsewhere', stage: (0, stages_1.stageLabel)(stage), cachesSurely: (0, stages_1.stageSurelyCaches)(stage), api: api.id, why: api.incompleteWhy ?? '' },
                    blocks: ['CL004', 'CL007'],
                    flavor: reader.flavor,
                    platform: 'apigateway',
                });
            }
        }
    }
    return byApi;
}
/** A write method known only from its MethodSetting (the API body is elsewhere): its key and auth are unknown. */
function syntheticMethod(s, api) {
    const why = `the methods of API ${api.id} are not in this template (${api.incompleteWhy})`;
    return {
        path: s.path,
        httpMethod: s.method,
        at: s.at,
        logicalId: api.id,
        identity: [],
        authenticated: (0, model_1.known)(false),
        identitySources: [],
        requestParams: [],
        cacheKey: (0, model_1.unknown)(why, s.at),
        integrationParams: {},
        noStore: (0, model_1.unknown)(why, s.at),
    };
}
