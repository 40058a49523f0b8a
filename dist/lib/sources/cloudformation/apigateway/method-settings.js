"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkSettings = checkSettings;
const stages_1 = require("./stages");
/** CL008: settings that match nothing; duplicates; the unencoded form. Returns nothing: facts go to the reader. */
function checkSettings(reader, index, api, stage) {
    if (stage.cluster.known && !stage.cluster.value)
        return; // nothing is cached on this stage: the settings decide nothing
    const seen = new Map();
    for (const s of stage.settings) {
        const touchesCache = s.caching !== undefined || s.ttl !== undefined;
        const fact = (kind, reason) => reader.facts.push({
            kind,
            resource: stage.resource,
            route: `${s.rawMethod} ${s.rawPath}`,
            findingId: settingFindingId(s),
            at: s.at,
            setting: settingRef(s, stage),
            reason,
            flavor: reader.flavor,
            platform: 'apigateway',
        });
        if (!touchesCache)
            continue;
        if (!s.method) {
            fact('ineffective-method-setting', { kind: 'unknown-method' });
            continue;
        }
        if (s.path === undefined) {
            fact('ineffective-method-setting', { kind: 'malformed-path' });
            continue;
        }
        if (s.path === '*' && s.method !== '*') {
            fact('ineffective-method-setting', { kind: 'wildcard-path-with-method' });
            continue;
        }
        if (s.unencoded)
            fact('ambiguous-setting', { kind: 'unencoded-path' });
        else if (s.path !== '*' && s.method === '*')
            fact('ambiguous-setting', { kind: 'path-with-star-method' });
        if (s.path !== '*' && s.method !== '*' && api.complete && api.methods.length > 0) {
            const onPath = index.methodsOn(api, s.path);
            const has = onPath.some((m) => m.httpMethod === s.method || m.httpMethod === 'ANY');
            if (!has)
                fact('ineffective-method-setting', { kind: 'path-not-in-api', api: api.id, methodsOnPath: onPath.map((m) => m.httpMethod) });
        }
        const key = `${s.path} ${s.method}`;
        const prev = seen.get(key);
        const exclusive = prev?.condition && s.condition && prev.condition.name === s.condition.name && prev.condition.branch !== s.condition.branch;
        if (prev && !exclusive) {
            const a = (0, stages_1.effectiveCaching)(prev.caching, prev.ttl);
            const b = (0, stages_1.effectiveCaching)(s.caching, s.ttl);
            const differ = !a || !b || !a.known || !b.known || a.value !== b.value;
            fact('ambiguous-setting', { kind: 'duplicate', firstLine: prev.at.line, differentCaching: differ });
        }
        else
            seen.set(key, s);
    }
}
function settingRef(s, stage) {
    const c = (0, stages_1.effectiveCaching)(s.caching, s.ttl);
    return { rawPath: s.rawPath, rawMethod: s.rawMethod, stage: (0, stages_1.stageLabel)(stage), path: s.path, method: s.method, caching: c?.known ? c.value : undefined };
}
function settingFindingId(s) {
    if (s.path && s.path !== '*' && s.method)
        return `${s.path === '/' ? '' : s.path}/${s.method}`;
    return `${s.rawPath}/${s.rawMethod}`;
}
