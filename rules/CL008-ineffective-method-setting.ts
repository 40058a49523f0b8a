import type { Rule, RuleHit } from '../lib/findings';
import type { ConfigFact } from '../lib/model';

// A MethodSetting that matches nothing deploys without an error: the fix the author wrote fixes nothing
// (SAM #579/#1518: `/*` with a specific method has no effect).
export const CL008: Rule = {
  id: 'CL008',
  name: 'ineffective-method-setting',
  severity: 'error',
  summary: 'An API Gateway method setting that matches nothing: `/*` with a specific method, a malformed path, or a path and method the API does not have.',
  rationale:
    'API Gateway stores method settings under `{resource_path}/{http_method}` or `*/*`; any other shape is accepted and ignored. ' +
    'A `CachingEnabled: false` written that way leaves caching on.',
  docs: 'docs/rules/CL008.md',
  remediation: {
    cloudformation: 'Use `ResourcePath: /~1<path>` with the verb, or `/*` with `*`.',
    cdk: "Use `methodOptions['/<path>/<METHOD>']` with the real resource path, or `'/*/*'`.",
  },
  checkFact(fact: ConfigFact): RuleHit[] {
    if (fact.kind !== 'ineffective-method-setting' && fact.kind !== 'ambiguous-setting') return [];
    return [
      {
        at: fact.at,
        findingId: fact.findingId,
        resource: fact.resource,
        route: fact.route,
        platform: fact.platform,
        severity: fact.kind === 'ambiguous-setting' ? 'warning' : undefined,
        message: fact.message,
        remediation: fact.fix ?? { summary: CL008.remediation[fact.flavor] ?? CL008.remediation.cloudformation! },
      },
    ];
  },
};
