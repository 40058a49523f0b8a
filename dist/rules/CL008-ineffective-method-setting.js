"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL008 = void 0;
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
        return [
            {
                at: fact.at,
                findingId: fact.findingId,
                resource: fact.resource,
                route: fact.route,
                platform: fact.platform,
                severity: fact.kind === 'ambiguous-setting' ? 'warning' : undefined,
                message: fact.message,
                remediation: fact.fix ?? { summary: exports.CL008.remediation[fact.flavor] ?? exports.CL008.remediation.cloudformation },
            },
        ];
    },
};
