"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STAGE_WIDE_CAVEAT = void 0;
exports.collectStages = collectStages;
exports.readStage = readStage;
exports.parseSettingKey = parseSettingKey;
exports.stageLabel = stageLabel;
exports.stageCachesAnything = stageCachesAnything;
exports.stageSurelyCaches = stageSurelyCaches;
exports.computeStageWide = computeStageWide;
exports.effectiveCaching = effectiveCaching;
const model_1 = require("../../../model");
const intrinsics_1 = require("../intrinsics");
const template_1 = require("../template");
const api_model_1 = require("./api-model");
const rest_api_1 = require("./rest-api");
exports.STAGE_WIDE_CAVEAT = 'Stage-wide (*/*) caching is read as GET-only (AWS caching guide, docs/platforms/api-gateway.md#stage-wide-caching); runtime behaviour for other methods is UNCONFIRMED';
/** AWS::ApiGateway::Stage and AWS::ApiGateway::Deployment (StageName / StageDescription). */
function collectStages(reader, apis) {
    const apiOf = (ref) => (0, rest_api_1.apiFor)(reader, apis, ref);
    for (const [id, def] of reader.ofType('AWS::ApiGateway::Stage')) {
        const api = apiOf(def.Properties?.RestApiId);
        if (!api)
            continue;
        const base = ['Resources', id, 'Properties'];
        api.stages.push(readStage(reader, id, base, reader.value([...base, 'StageName'], intrinsics_1.asString) ?? (0, model_1.known)(id), {
            cluster: reader.value([...base, 'CacheClusterEnabled'], intrinsics_1.asBoolean) ?? (0, model_1.known)(false), // CacheClusterSize alone does not enable the cluster (CDK sets both)
        }));
    }
    for (const [id, def] of reader.ofType('AWS::ApiGateway::Deployment')) {
        const api = apiOf(def.Properties?.RestApiId);
        if (!api)
            continue;
        const base = ['Resources', id, 'Properties'];
        const stageName = reader.value([...base, 'StageName'], intrinsics_1.asString);
        const description = reader.obj([...base, 'StageDescription']);
        if (!stageName && !description)
            continue; // a deployment that a Stage resource points at
        const d = description?.path ?? [...base, 'StageDescription'];
        const stage = readStage(reader, id, d, stageName ?? (0, model_1.known)('(unnamed)'), {
            cluster: (description ? reader.value([...d, 'CacheClusterEnabled'], intrinsics_1.asBoolean) : undefined) ?? (0, model_1.known)(false),
        });
        if (description) {
            const caching = reader.value([...d, 'CachingEnabled'], intrinsics_1.asBoolean);
            if (caching)
                stage.descriptionCaching = { caching, ttl: reader.value([...d, 'CacheTtlInSeconds'], intrinsics_1.asNumber), at: reader.at([...d, 'CachingEnabled']) };
        }
        api.stages.push(stage);
    }
}
function readStage(reader, resource, base, stageName, opts, extraSettings = []) {
    const stage = { resource, stageName, at: reader.resourceAt(resource), cluster: opts.cluster, settings: [] };
    // Pins are appended to the stage's own MethodSettings (not SAM Globals'), unless it is written as an expression.
    const listPath = [...base, 'MethodSettings'];
    const listRaw = reader.raw(listPath);
    if (listRaw === undefined || Array.isArray(listRaw))
        stage.settingsFixPath = reader.valuePath(listPath);
    const items = [...reader.items([...base, 'MethodSettings']), ...extraSettings];
    for (const item of items) {
        const at = reader.at(item.path);
        if (item.unresolved !== undefined) {
            // A whole MethodSetting we cannot read: which method it caches is unknown.
            reader.facts.push(unresolvedSettingFact(reader, resource, item, at, { kind: 'method-setting', stage: resource, why: item.unresolved }));
            continue;
        }
        if (!item.value || typeof item.value !== 'object')
            continue;
        const rawPath = reader.value([...item.path, 'ResourcePath'], intrinsics_1.asString);
        const rawMethod = reader.value([...item.path, 'HttpMethod'], intrinsics_1.asString);
        let caching = reader.value([...item.path, 'CachingEnabled'], intrinsics_1.asBoolean);
        let ttl = reader.value([...item.path, 'CacheTtlInSeconds'], intrinsics_1.asNumber);
        if (!rawPath?.known || !rawMethod?.known) {
            const v = !rawPath ? undefined : !rawPath.known ? rawPath : rawMethod && !rawMethod.known ? rawMethod : undefined;
            if ((caching || ttl) && v && !v.known)
                reader.facts.push(unresolvedSettingFact(reader, resource, item, v.at, {
                    kind: 'method-setting-key',
                    stage: resource,
                    field: !rawPath?.known ? 'ResourcePath' : 'HttpMethod',
                    why: v.why,
                }));
            continue;
        }
        if (item.condition) {
            // A MethodSetting inside an unresolvable Fn::If: what it decides holds for one deploy only, so it is unknown.
            const c = effectiveCaching(caching, ttl);
            if (c?.known) {
                const why = `MethodSetting ${rawPath.value} ${rawMethod.value} (${c.value ? 'CachingEnabled: true' : 'caching off'}): ${(0, template_1.branchWhy)(item.condition)}`;
                caching = (0, model_1.unknown)(why, at);
                if (ttl?.known && ttl.value === 0)
                    ttl = (0, model_1.unknown)(why, at);
            }
        }
        stage.settings.push({
            ...parseSettingKey(rawPath.value, rawMethod.value),
            caching,
            ttl,
            at,
            rawPath: rawPath.value,
            rawMethod: rawMethod.value,
            condition: item.condition,
            fixPath: item.condition ? undefined : reader.valuePath(item.path),
        });
    }
    return stage;
}
function unresolvedSettingFact(reader, resource, item, at, reason) {
    return {
        kind: 'unresolved-setting',
        resource,
        route: 'MethodSetting',
        findingId: `MethodSettings[${String(item.path[item.path.length - 1])}]`,
        at,
        reason,
        blocks: ['CL001', 'CL008'],
        flavor: reader.flavor,
        platform: 'apigateway',
    };
}
/** Normalises a MethodSetting key (§1.2): `/*` + `*` → stage-wide; `/~1a~1{id}` → `/a/{id}`; `/` → root. */
function parseSettingKey(rawPath, rawMethod) {
    const methodUp = rawMethod.trim().toUpperCase();
    const method = methodUp === '*' ? '*' : api_model_1.VERBS.has(methodUp) ? methodUp : undefined;
    const p = rawPath.trim();
    if (p === '/*')
        return { path: '*', method };
    if (!p.startsWith('/') || p.includes('*'))
        return { method };
    if (p === '/')
        return { path: '/', method };
    const rest = p.slice(1);
    if (rest.startsWith('~1'))
        return { path: rest.replace(/~1/g, '/'), method };
    // `/orders`: AWS's own Stage example uses it; whether API Gateway reads it as /~1orders is UNCONFIRMED.
    return { path: '/' + rest.replace(/~1/g, '/'), method, unencoded: true };
}
function stageLabel(stage) {
    return stage.stageName.known ? stage.stageName.value : stage.resource;
}
/** Whether the stage may cache anything: a cluster not known off, and a caching setting on or not known off. */
function stageCachesAnything(stage) {
    if (stage.cluster.known && !stage.cluster.value)
        return false;
    const on = (c) => !!c && (!c.known || c.value);
    return stage.settings.some((s) => on(s.caching)) || on(stage.descriptionCaching?.caching);
}
/** Whether the stage certainly caches: a cluster and a caching setting both known on (messages say "may" otherwise). */
function stageSurelyCaches(stage) {
    const sure = (c) => !!c && c.known && c.value;
    return stage.cluster.known && stage.cluster.value && (stage.settings.some((s) => sure(s.caching)) || sure(stage.descriptionCaching?.caching));
}
function computeStageWide(stage) {
    const entries = stage.settings.filter((s) => s.path === '*' && s.method === '*' && (s.caching || s.ttl));
    const candidates = [...entries];
    if (stage.descriptionCaching)
        candidates.push({ ...stage.descriptionCaching, fromDescription: true });
    if (candidates.length === 0)
        return undefined;
    let unknownValue;
    for (const c of candidates) {
        const on = effectiveCaching(c.caching, c.ttl);
        if (on === undefined)
            continue;
        if (!on.known)
            unknownValue ??= on;
        else if (on.value) {
            const caveats = [exports.STAGE_WIDE_CAVEAT];
            if (c.fromDescription)
                caveats.push('That StageDescription.CachingEnabled is stored as the */* entry is UNCONFIRMED (docs/platforms/api-gateway.md#deployment-stagedescription)');
            return { on: true, ttl: c.ttl, at: c.at, caveats };
        }
    }
    if (unknownValue)
        return { on: undefined, why: unknownValue, at: candidates[0].at, caveats: [exports.STAGE_WIDE_CAVEAT] };
    return { on: false, at: candidates[0].at, caveats: [] };
}
/** CachingEnabled combined with TTL (TTL 0 disables caching); undefined when the entry does not say. */
function effectiveCaching(caching, ttl) {
    if (ttl?.known && ttl.value === 0)
        return (0, model_1.known)(false);
    return caching;
}
