"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL008 = void 0;
exports.settingWords = settingWords;
// A MethodSetting that matches nothing deploys without an error: the fix the author wrote fixes nothing
// (SAM #579/#1518: `/*` with a specific method has no effect).
exports.CL008 = {
    id: 'CL008',
    name: 'ineffective-method-setting',
    severity: 'error',
    summary: 'An API Gateway method setting that matches nothing: `/*` with a specific method, a malformed path, or a path and method the API does not have.',
    rationale: 'API Gateway stores method settings under `{resource_path}/{http_method}` or `*/*`; any other shape is accepted and ignored. ' +
        'A `CachingEnabled: false` written that way leaves caching on.',
    docs: 'docs/rules/CL008.md',
    remediation: {
        cloudformation: 'Use `ResourcePath: /~1<path>` with the verb, or `/*` with `*`.',
        cdk: "Use `methodOptions['/<path>/<METHOD>']` with the real resource path, or `'/*/*'`.",
    },
    checkFact(fact) {
        if (fact.kind !== 'ineffective-method-setting' && fact.kind !== 'ambiguous-setting')
            return [];
        const { message, remediation } = settingWords(fact);
        return [
            {
                at: fact.at,
                findingId: fact.findingId,
                resource: fact.resource,
                route: fact.route,
                platform: fact.platform,
                severity: fact.kind === 'ambiguous-setting' ? 'warning' : undefined,
                message,
                remediation,
            },
        ];
    },
};
/** What CL008 says about a MethodSetting fact, and its fix: the setting rewritten as it should be. */
function settingWords(fact) {
    const { message, fix } = words(fact.setting, fact.reason);
    return { message, remediation: { summary: fix, snippet: settingSnippet(fact.setting, fact.flavor) } };
}
/** The message and fix summary for one setting and why it matches nothing (or may not do what it says). */
function words(s, reason) {
    const what = `MethodSetting ResourcePath: ${s.rawPath}, HttpMethod: ${s.rawMethod} on stage ${s.stage}`;
    const path = s.path ?? '';
    switch (reason.kind) {
        case 'unknown-method':
            return {
                message: `${what} matches nothing: ${s.rawMethod} is not an HTTP method API Gateway knows.`,
                fix: 'Use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, ANY or * (with ResourcePath /*).',
            };
        case 'malformed-path':
            return {
                message: `${what} matches nothing: the only wildcard is ResourcePath /* with HttpMethod *, and a resource path must start with / followed by the path with each / written as ~1 (/~1orders~1{id}).`,
                fix: 'Write the resource path as /~1<path with ~1 for each slash> with the verb, or /* with *.',
            };
        case 'wildcard-path-with-method':
            return {
                message: `${what} matches nothing: ResourcePath /* only works with HttpMethod * (SAM #579, #1518), so this ${describe(s)} has no effect.`,
                fix: 'Name the resource: ResourcePath /~1<path> with this HttpMethod, once per resource (or use /* with * for the whole stage).',
            };
        case 'path-not-in-api': {
            const methods = reason.methodsOnPath;
            return {
                message: `${what} matches nothing: API ${reason.api} has ${methods.length ? `only ${methods.join(', ')} on ${path}` : `no resource ${path}`}, so this ${describe(s)} has no effect.`,
                fix: 'Point the setting at a resource path and method the API has (ResourcePath /~1<path>, encoded).',
            };
        }
        case 'unencoded-path':
            return {
                message: `${what}: AWS documents the resource path encoded, each / after the first written ~1 (${encode(path)}); whether API Gateway matches the unencoded form is UNCONFIRMED (docs/platforms/api-gateway.md#method-settings). cachelint reads it as the resource ${path}.`,
                fix: `Write ResourcePath: ${encode(path)}.`,
            };
        case 'path-with-star-method':
            return {
                message: `${what}: a specific path with HttpMethod * is not a documented form (docs/platforms/api-gateway.md#method-settings); cachelint reads it as GET-only caching for ${path}, like */*.`,
                fix: 'Name each method: one MethodSetting per HttpMethod on this ResourcePath.',
            };
        case 'duplicate':
            return {
                message: `${what} duplicates the entry at line ${reason.firstLine}${reason.differentCaching ? ' with a different caching value' : ''}: which one API Gateway applies is UNCONFIRMED (docs/platforms/api-gateway.md#cdk-to-cloudformation); cachelint evaluates both.`,
                fix: 'Keep one MethodSetting per ResourcePath and HttpMethod.',
            };
    }
}
function describe(s) {
    if (s.caching !== undefined)
        return s.caching ? 'CachingEnabled: true' : 'CachingEnabled: false (a fix that fixes nothing)';
    return 'setting';
}
/** `/orders/{id}` → `/~1orders~1{id}`: how a template writes a MethodSetting's ResourcePath. */
const encode = (path) => (path === '/' ? '/' : '/' + path.replace(/\//g, '~1'));
/** The setting rewritten as it should be: its own path and method where it names them, caching as it says (else off). */
function settingSnippet(s, flavor) {
    const v = s.caching !== undefined ? String(s.caching) : 'false';
    const path = s.path && s.path !== '*' ? s.path : '/orders';
    const method = s.method && s.method !== '*' ? s.method : 'POST';
    if (flavor === 'cdk')
        return `methodOptions: {\n  '${path === '/' ? '/' : path}/${method}': { cachingEnabled: ${v} },\n}`;
    return `MethodSettings:\n  - ResourcePath: ${encode(path)}\n    HttpMethod: ${method}\n    CachingEnabled: ${v}`;
}
