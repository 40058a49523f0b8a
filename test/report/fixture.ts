// One ScanResult with every case the reporters must handle: each severity, a suppressed finding (comment), a
// baselined one (external), an input error with a location, one without, a clean scanned file and a skipped one.
import type { Finding, ScanResult } from '../../lib/findings';

const base = {
  platform: 'kong',
  docsUrl: 'https://github.com/cachelint/cachelint/blob/main/docs/rules/CL001.md',
};

export function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'CL001',
    ruleName: 'unsafe-method-cached',
    severity: 'error',
    message: 'proxy-cache caches POST on POST /webhooks/stripe',
    resource: 'stripe-webhook',
    route: 'POST /webhooks/stripe',
    findingId: '/webhooks/stripe/POST',
    file: 'gateway/kong.yaml',
    line: 12,
    column: 7,
    endLine: 12,
    endColumn: 18,
    remediation: { summary: 'Set `config.request_method: [GET, HEAD]` on the caching plugin.', snippet: 'config:\n  request_method: [GET, HEAD]' },
    ...base,
    ...over,
  };
}

export function fixtureResult(): ScanResult {
  return {
    files: [
      { file: 'gateway/kong.yaml', status: 'scanned', format: 'kong' },
      { file: 'infra/api.template.yaml', status: 'scanned', format: 'cloudformation' },
      { file: 'infra/clean.yaml', status: 'scanned', format: 'cloudformation' },
      { file: 'infra/broken.yaml', status: 'error', reason: 'duplicate key' },
      { file: 'package.json', status: 'skipped', reason: 'not a Kong, Kong Ingress or CloudFormation file' },
    ],
    findings: [
      finding({}),
      finding({
        ruleId: 'CL002',
        ruleName: 'origin-no-store-ignored',
        severity: 'warning',
        message: 'proxy-cache has cache_control: false: it ignores "Cache-Control: no-store", 100% of the time',
        line: 14,
        column: 9,
        endLine: 14,
        endColumn: 30,
        remediation: { summary: 'Set `config.cache_control: true`.' },
      }),
      finding({
        ruleId: 'CL007',
        ruleName: 'write-caching-not-pinned',
        severity: 'info',
        platform: 'apigateway',
        file: 'infra/api.template.yaml',
        resource: 'ApiStage',
        logicalId: 'ApiStage',
        route: 'POST /orders',
        findingId: '/orders/POST',
        message: 'stage-wide caching is on and POST /orders has no CachingEnabled: false override',
        line: 40,
        column: 11,
        endLine: undefined,
        endColumn: undefined,
        remediation: { summary: 'Add a MethodSetting { ResourcePath: /orders, HttpMethod: POST, CachingEnabled: false }.' },
      }),
      finding({
        ruleId: 'CL003',
        ruleName: 'missing-no-store',
        severity: 'warning',
        file: 'infra/api.template.yaml',
        platform: 'apigateway',
        resource: 'OrdersPost',
        route: 'POST /orders',
        findingId: '/orders/POST',
        line: 55,
        column: 5,
        message: 'nothing sets Cache-Control: no-store on POST /orders',
        remediation: { summary: 'Add an integration response header mapping.' },
        suppressed: { reason: 'backend sends no-store', source: 'comment at infra/api.template.yaml:54' },
      }),
      finding({
        ruleId: 'CL004',
        ruleName: 'cache-key-incomplete',
        severity: 'warning',
        file: 'infra/api.template.yaml',
        platform: 'apigateway',
        resource: 'ApiStage',
        route: 'GET /orders/{id}',
        findingId: '/orders/{id}/GET',
        line: 60,
        column: 5,
        message: 'the cache key omits path parameter id',
        remediation: { summary: 'Add method.request.path.id to CacheKeyParameters.' },
        suppressed: { reason: 'in baseline cachelint.baseline.json', source: 'baseline cachelint.baseline.json' },
      }),
    ],
    errors: [
      { file: 'infra/broken.yaml', line: 3, column: 5, code: 'duplicate-key', message: 'duplicate key "Resources" (first at 1:1)' },
      { file: 'infra/missing.yaml', code: 'unreadable', message: 'cannot read: ENOENT' },
    ],
  };
}
