"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL007 = void 0;
const model_1 = require("../lib/model");
const helpers_1 = require("./helpers");
const ANY_UNDOCUMENTED = 'how */* caching treats ANY is undocumented, so writes may be cached.';
const messages = {
    notPinned: 'Stage-wide caching (*/*) is on and {routes} has no explicit CachingEnabled: false for {methods}: AWS documents */* as GET-only, but pin it so the stage is safe under either reading.',
    anyNotPinned: `Stage-wide caching (*/*) is on and {routes} is an ANY method with no CachingEnabled: false for {methods}: ${ANY_UNDOCUMENTED}`,
    routesNotPinned: 'Stage-wide caching (*/*) is on and {routes} have no explicit CachingEnabled: false for their write methods: AWS documents */* as GET-only, but pin them so the stage is safe under either reading.',
    routesWithAnyNotPinned: `Stage-wide caching (*/*) is on and {routes} ({anyCount} of them ANY methods) have no explicit CachingEnabled: false for their write methods: ${ANY_UNDOCUMENTED}`,
};
// AWS documents stage-wide (`*/*`) caching as GET-only, but the API reference words `*/*` as "all methods" and
// `ANY` is undocumented (docs/platforms/api-gateway.md#stage-wide-caching). An explicit CachingEnabled: false per write method removes the doubt and
// keeps cdk-nag's APIGWCacheEnabledAndEncrypted and checkov CKV_AWS_120 (which demand `*/*` caching) green at the same time.
exports.CL007 = {
    id: 'CL007',
    name: 'write-caching-not-pinned',
    severity: 'info',
    summary: 'Stage-wide caching (`*/*`) is on and write or ANY methods have no explicit CachingEnabled: false override.',
    rationale: 'Whether `*/*` caching covers POST is documented only as GET-only; for ANY methods it is undocumented. Pinning each write method ' +
        'off costs one MethodSetting and makes the stage safe under either reading; it is warning for ANY, info otherwise.',
    docs: 'docs/rules/CL007.md',
    messages,
    remediation: {
        cloudformation: 'Add `{ResourcePath: /~1<path>, HttpMethod: POST, CachingEnabled: false}` for each write method.',
        cdk: "Add `methodOptions: { '/<path>/POST': { cachingEnabled: false } }` for each write method.",
    },
    check(endpoint) {
        if (endpoint.platform !== 'apigateway' || !endpoint.methods.known)
            return [];
        const isAny = endpoint.details?.httpMethod === 'ANY' || (0, helpers_1.apiPathAndMethod)(endpoint).method === 'ANY';
        const hits = [];
        for (const layer of endpoint.caches) {
            if (layer.kind !== 'apigateway-stage-cache' || layer.scope !== 'stage-wide')
                continue;
            const pinned = new Set(layer.pinnedOffMethods ?? []);
            const open = endpoint.methods.value.filter((m) => model_1.UNSAFE_METHODS.includes(m) && !pinned.has(m));
            if (open.length === 0)
                continue;
            const { path } = (0, helpers_1.apiPathAndMethod)(endpoint);
            const pins = [{ path, methods: open }];
            hits.push({
                at: layer.at,
                findingId: (0, helpers_1.settingId)(endpoint, layer),
                severity: isAny ? 'warning' : 'info',
                messageId: isAny ? 'anyNotPinned' : 'notPinned',
                data: { methods: open.join(', ') },
                remediation: () => pinFix(endpoint.flavor, pins, layer.fixTargets?.methodSettings),
                fold: { pins, flavor: endpoint.flavor, target: layer.fixTargets?.methodSettings },
            });
        }
        return hits;
    },
    // One stage-wide setting, many unpinned methods: one finding whose fix pins them all.
    merge(hits) {
        const pins = hits.flatMap((h) => h.fold?.pins ?? []);
        const flavor = hits[0].fold?.flavor;
        const anyCount = hits.filter((h) => h.severity === 'warning').length;
        return {
            ...hits[0],
            ...(anyCount ? { messageId: 'routesWithAnyNotPinned', data: { anyCount } } : { messageId: 'routesNotPinned', data: {} }),
            remediation: () => pinFix(flavor, pins, hits[0].fold?.target),
        };
    },
};
function pinFix(flavor, pins, target) {
    const seen = new Set();
    const all = pins
        .flatMap((p) => p.methods.map((m) => ({ path: p.path, method: m })))
        .filter((x) => !seen.has(`${x.path} ${x.method}`) && !!seen.add(`${x.path} ${x.method}`));
    // Safe: a pin turns caching off for a write method only; */* caching of reads stays.
    const edits = flavor === 'cdk' || !target
        ? []
        : all.map((x) => ({
            op: 'append',
            file: target.file,
            document: target.document,
            path: [...target.path],
            value: { ResourcePath: (0, helpers_1.methodSettingPath)(x.path), HttpMethod: x.method, CachingEnabled: false },
        }));
    const what = pins.map((p) => `${p.methods.join(', ')} on ${p.path}`).join('; ');
    return flavor === 'cdk'
        ? {
            summary: `Add methodOptions entries with cachingEnabled: false for ${what}.`,
            snippet: `methodOptions: {\n${all.map((x) => `  '${x.path}/${x.method}': { cachingEnabled: false },`).join('\n')}\n}`,
        }
        : {
            ...(0, helpers_1.fixOf)('safe', edits),
            summary: `Add MethodSettings with CachingEnabled: false for ${what} (it keeps */* caching for GETs, so cdk-nag APIGWCacheEnabledAndEncrypted and checkov CKV_AWS_120 stay green).`,
            snippet: `MethodSettings:\n${all.map((x) => `  - ResourcePath: ${(0, helpers_1.methodSettingPath)(x.path)}\n    HttpMethod: ${x.method}\n    CachingEnabled: false`).join('\n')}`,
        };
}
