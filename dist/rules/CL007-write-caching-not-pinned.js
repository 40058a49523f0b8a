"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL007 = void 0;
const model_1 = require("../lib/model");
const helpers_1 = require("./helpers");
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
            hits.push({
                at: layer.at,
                severity: isAny ? 'warning' : 'info',
                message: isAny
                    ? `Stage-wide caching (*/*) is on and ${endpoint.route} is an ANY method with no CachingEnabled: false for ${open.join(', ')}: how */* caching treats ANY is undocumented, so writes may be cached.`
                    : `Stage-wide caching (*/*) is on and ${endpoint.route} has no explicit CachingEnabled: false: AWS documents */* as GET-only, but pin it so the stage is safe under either reading.`,
                remediation: endpoint.flavor === 'cdk'
                    ? {
                        summary: `Add methodOptions entries with cachingEnabled: false for ${open.join(', ')} on ${path}.`,
                        snippet: `methodOptions: {\n${open.map((m) => `  '${path}/${m}': { cachingEnabled: false },`).join('\n')}\n}`,
                    }
                    : {
                        summary: `Add MethodSettings with CachingEnabled: false for ${open.join(', ')} on ${path} (it keeps */* caching for GETs, so cdk-nag APIGWCacheEnabledAndEncrypted and checkov CKV_AWS_120 stay green).`,
                        snippet: `MethodSettings:\n${open.map((m) => `  - ResourcePath: ${(0, helpers_1.methodSettingPath)(path)}\n    HttpMethod: ${m}\n    CachingEnabled: false`).join('\n')}`,
                    },
            });
        }
        return hits;
    },
};
//# sourceMappingURL=CL007-write-caching-not-pinned.js.map