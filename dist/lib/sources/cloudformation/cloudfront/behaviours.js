"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patternOf = patternOf;
exports.behaviourEndpoint = behaviourEndpoint;
exports.normalisePattern = normalisePattern;
const model_1 = require("../../../model");
const intrinsics_1 = require("../intrinsics");
const policies_1 = require("./policies");
/** The behaviour's PathPattern; an unresolvable one (`deployTime`) is labelled by its position and matches no API path. */
function patternOf(reader, path) {
    const v = reader.value([...path, 'PathPattern'], intrinsics_1.asString);
    if (v?.known)
        return { pattern: v.value };
    // As its author wrote it where that can be shown (`/${stage}/*` from a Join or Sub); it matches no API path.
    const shown = deployTimeText(reader.raw([...path, 'PathPattern']));
    return { pattern: shown ?? `(unresolved PathPattern of CacheBehaviors[${String(path[path.length - 1])}])`, deployTime: true };
}
/** `{Fn::Join: ['', ['/', {Ref: stage}, '/*']]}` → `/${stage}/*`; a Sub string as written; undefined otherwise. */
function deployTimeText(raw) {
    if (typeof raw === 'string')
        return raw;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        return undefined;
    const o = raw;
    if (typeof o.Ref === 'string')
        return `\${${o.Ref}}`;
    if (typeof o['Fn::Sub'] === 'string')
        return o['Fn::Sub'];
    if (Array.isArray(o['Fn::Sub']) && typeof o['Fn::Sub'][0] === 'string')
        return o['Fn::Sub'][0];
    const join = o['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
        const parts = join[1].map(deployTimeText);
        return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
    }
    const att = o['Fn::GetAtt'];
    if (Array.isArray(att) && att.every((a) => typeof a === 'string'))
        return `\${${att.join('.')}}`;
    return undefined;
}
function behaviourEndpoint(reader, distribution, path, pattern, origins) {
    const b = (reader.raw(path) ?? {});
    const allowed = reader.value([...path, 'AllowedMethods'], (r) => (0, policies_1.methodList)(reader, r)) ?? (0, model_1.known)(policies_1.GET_HEAD);
    const originId = (0, intrinsics_1.asString)(reader.resolver.resolve(b.TargetOriginId));
    const origin = originId.known ? origins.get(originId.value) : undefined;
    const layer = (0, policies_1.cacheLayer)(reader, path);
    const noStore = (0, policies_1.responseHeadersNoStore)(reader, path);
    const endpoint = {
        platform: 'cloudfront',
        resource: distribution,
        route: behaviourName(reader.flavor, pattern),
        findingId: pattern ?? 'default',
        methods: allowed,
        paths: [normalisePattern(pattern ?? '/*')],
        at: reader.at(path),
        caches: layer ? [layer] : [],
        noStore,
        staticOrigin: origin?.staticOrigin || undefined,
        flavor: reader.flavor,
        details: {
            distribution,
            behavior: pattern ?? 'default',
            ...(originId.known ? { origin: originId.value } : {}),
            ...(b.OriginRequestPolicyId !== undefined ? { originRequestPolicy: 'set' } : {}),
        },
    };
    return { endpoint, behaviour: { pattern, allowed, originId: originId.known ? originId.value : undefined, layer, noStore } };
}
/** A behaviour as its author wrote it: `DefaultCacheBehavior` / `CacheBehaviors /api/*` in a template, the
 *  Distribution props `defaultBehavior` / `additionalBehaviors['/api/*']` in a CDK app. */
function behaviourName(flavor, pattern) {
    if (flavor === 'cdk')
        return pattern === undefined ? 'defaultBehavior' : `additionalBehaviors['${pattern}']`;
    return pattern === undefined ? 'DefaultCacheBehavior' : `CacheBehaviors ${pattern}`;
}
function normalisePattern(p) {
    return p.startsWith('/') ? p : '/' + p;
}
