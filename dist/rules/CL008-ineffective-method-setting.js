"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL008 = void 0;
exports.settingWords = settingWords;
const messages_1 = require("../lib/messages");
const helpers_1 = require("./helpers");
// `{setting}` quotes the MethodSetting as written; `{effect}` is what it meant to do ("CachingEnabled: true").
const SETTING = 'MethodSetting ResourcePath: {rawPath}, HttpMethod: {rawMethod} on stage {stage}';
const DOCS = 'docs/platforms/api-gateway.md';
const messages = {
    unknownMethod: `${SETTING} matches nothing: {rawMethod} is not an HTTP method API Gateway knows.`,
    malformedPath: `${SETTING} matches nothing: the only wildcard is ResourcePath /* with HttpMethod *, and a resource path must start with / ` +
        'followed by the path with each / written as ~1 ({example}).',
    wildcardPathWithMethod: `${SETTING} matches nothing: ResourcePath /* only works with HttpMethod * (SAM #579, #1518), so this {effect} has no effect.`,
    resourceNotInApi: `${SETTING} matches nothing: API {api} has no resource {path}, so this {effect} has no effect.`,
    methodNotInApi: `${SETTING} matches nothing: API {api} has only {methodsOnPath} on {path}, so this {effect} has no effect.`,
    unencodedPath: `${SETTING}: AWS documents the resource path encoded, each / after the first written ~1 ({encoded}); whether API Gateway matches ` +
        `the unencoded form is UNCONFIRMED (${DOCS}#method-settings). cachelint reads it as the resource {path}.`,
    pathWithStarMethod: `${SETTING}: a specific path with HttpMethod * is not a documented form (${DOCS}#method-settings); cachelint reads it as GET-only caching for {path}, like */*.`,
    duplicate: `${SETTING} duplicates the entry at line {firstLine}: which one API Gateway applies is UNCONFIRMED (${DOCS}#cdk-to-cloudformation); cachelint evaluates both.`,
    duplicateDifferentCaching: `${SETTING} duplicates the entry at line {firstLine} with a different caching value: which one API Gateway applies is UNCONFIRMED ` +
        `(${DOCS}#cdk-to-cloudformation); cachelint evaluates both.`,
};
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
    messages,
    remediation: {
        cloudformation: 'Use `ResourcePath: /~1<path>` with the verb, or `/*` with `*`.',
        cdk: "Use `methodOptions['/<path>/<METHOD>']` with the real resource path, or `'/*/*'`.",
    },
    checkFact(fact) {
        if (fact.kind !== 'ineffective-method-setting' && fact.kind !== 'ambiguous-setting')
            return [];
        const { messageId, data, fix } = words(fact.setting, fact.reason);
        const remediation = { summary: fix, snippet: settingSnippet(fact.setting, fact.flavor) };
        return [
            {
                at: fact.at,
                findingId: fact.findingId,
                resource: fact.resource,
                route: fact.route,
                platform: fact.platform,
                severity: fact.kind === 'ambiguous-setting' ? 'warning' : undefined,
                messageId,
                data,
                remediation,
            },
        ];
    },
};
/** What CL008 says about a MethodSetting fact, and its fix (the setting rewritten as it should be): for reading a model. */
function settingWords(fact) {
    const { messageId, data, fix } = words(fact.setting, fact.reason);
    return { message: (0, messages_1.formatMessage)(messages[messageId], data), remediation: { summary: fix, snippet: settingSnippet(fact.setting, fact.flavor) } };
}
/** The message (template and data) and fix summary for one setting and why it matches nothing (or may not do what it says). */
function words(s, reason) {
    const setting = { rawPath: s.rawPath, rawMethod: s.rawMethod, stage: s.stage };
    const path = s.path ?? '';
    switch (reason.kind) {
        case 'unknown-method':
            return { messageId: 'unknownMethod', data: setting, fix: 'Use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, ANY or * (with ResourcePath /*).' };
        case 'malformed-path':
            return {
                messageId: 'malformedPath',
                data: { ...setting, example: '/~1orders~1{id}' },
                fix: 'Write the resource path as /~1<path with ~1 for each slash> with the verb, or /* with *.',
            };
        case 'wildcard-path-with-method':
            return {
                messageId: 'wildcardPathWithMethod',
                data: { ...setting, effect: describe(s) },
                fix: 'Name the resource: ResourcePath /~1<path> with this HttpMethod, once per resource (or use /* with * for the whole stage).',
            };
        case 'path-not-in-api': {
            const data = { ...setting, api: reason.api, path, effect: describe(s) };
            const fix = 'Point the setting at a resource path and method the API has (ResourcePath /~1<path>, encoded).';
            if (reason.methodsOnPath.length === 0)
                return { messageId: 'resourceNotInApi', data, fix };
            return { messageId: 'methodNotInApi', data: { ...data, methodsOnPath: reason.methodsOnPath.join(', ') }, fix };
        }
        case 'unencoded-path':
            return {
                messageId: 'unencodedPath',
                data: { ...setting, encoded: (0, helpers_1.methodSettingPath)(path), path },
                fix: `Write ResourcePath: ${(0, helpers_1.methodSettingPath)(path)}.`,
            };
        case 'path-with-star-method':
            return { messageId: 'pathWithStarMethod', data: { ...setting, path }, fix: 'Name each method: one MethodSetting per HttpMethod on this ResourcePath.' };
        case 'duplicate':
            return {
                messageId: reason.differentCaching ? 'duplicateDifferentCaching' : 'duplicate',
                data: { ...setting, firstLine: reason.firstLine },
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
/** The setting rewritten as it should be: its own path and method where it names them, caching as it says (else off). */
function settingSnippet(s, flavor) {
    const v = s.caching !== undefined ? String(s.caching) : 'false';
    const path = s.path && s.path !== '*' ? s.path : '/orders';
    const method = s.method && s.method !== '*' ? s.method : 'POST';
    if (flavor === 'cdk')
        return `methodOptions: {\n  '${path === '/' ? '/' : path}/${method}': { cachingEnabled: ${v} },\n}`;
    return `MethodSettings:\n  - ResourcePath: ${(0, helpers_1.methodSettingPath)(path)}\n    HttpMethod: ${method}\n    CachingEnabled: ${v}`;
}
