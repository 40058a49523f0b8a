// The probe's judgement as Findings, so every shared reporter (stylish, json, sarif, junit, github) prints it.
// One root cause, one finding: a ghost 200 (CL101) folds in the missing no-store; cache headers on a write
// (CL103) fold in CL102; CL102 alone is the mildest. The evidence — hit header, Age, hops, the redacted request —
// goes into the message and the remediation, which all formats print.
import type { Finding, Rule, Severity } from '../findings';
import { docsUrl } from '../meta';
import { CL101, CL102, CL103 } from '../../rules/index';
import { CACHING_DISABLED_ID, joinAnd, NO_STORE_TRANSFORMER } from '../../rules/helpers';
import { LAYER, type Hop, type Judgement } from './judge';
import type { Plan } from './plan';
import { redactHeaderValue, redactUrl } from './redact';

export interface FindingOptions {
  /** Rule id → severity or 'off' (cachelint.config.yaml `rules`). */
  rules?: Record<string, Severity | 'off'>;
}

interface Target {
  file: string;
  route: string;
  findingId: string;
  resource: string;
}

export function targetOf(plan: Plan): Target {
  const path = plan.url.pathname || '/';
  return { file: redactUrl(plan.url.toString()), route: `${plan.method} ${path}`, findingId: `${path}/${plan.method}`, resource: plan.url.host };
}

export function probeFindings(plan: Plan, judgement: Judgement, options: FindingOptions = {}): Finding[] {
  const setting = (rule: Rule) => options.rules?.[rule.id] ?? rule.severity;
  const target = targetOf(plan);
  const hops = hopsText(judgement.hops);
  const request = requestText(plan);
  const n = plan.requests.length;
  const noStoreNote = judgement.missingNoStore.length
    ? ` The answers also lack Cache-Control: no-store (${judgement.missingNoStore.map((g) => `write ${g.write}: ${g.cacheControl ? `Cache-Control: ${g.cacheControl}` : 'no Cache-Control'}`).join('; ')}).`
    : '';

  const make = (rule: Rule, severity: Severity, message: string, summary: string, snippet?: string): Finding => ({
    ruleId: rule.id,
    ruleName: rule.name,
    severity,
    message,
    platform: 'live',
    resource: target.resource,
    route: target.route,
    routes: [target.route],
    findingId: target.findingId,
    file: target.file,
    line: 1,
    column: 1,
    remediation: snippet ? { summary, snippet } : { summary },
    docsUrl: docsUrl(rule),
  });

  if (judgement.ghost.length && setting(CL101) !== 'off') {
    const strong = judgement.ghost.some((s) => s.strong);
    const configured = setting(CL101) as Severity;
    // Only an identical answer (no hit header, no Age, no foreign nonce) may be an API that answers every write
    // alike: below the default, and the message says how to confirm.
    const severity: Severity = strong || configured !== 'error' ? configured : 'warning';
    const writes = [...new Set(judgement.ghost.map((s) => s.write))];
    const by = judgement.answeredBy ? ` Answered by ${judgement.answeredBy}.` : '';
    const confirm = strong
      ? ''
      : " Only the answers' equality shows it; an API that answers every write alike looks the same — confirm with --expect-echo <json path of an echoed nonce>.";
    const fix = fixFor(judgement.answeredBy ?? judgement.hops.map((h) => h.layer).find((l) => LAYER_FIX[l]));
    return [
      make(
        CL101,
        severity,
        `${target.route} on ${target.resource}: ${writeList(writes)} of ${n} ${writes.length === 1 ? 'was' : 'were'} answered from a cache, not the backend (ghost 200). Evidence: ${judgement.ghost.map((s) => s.detail).join('; ')}.${by}${confirm}${noStoreNote} Hops: ${hops}. Request: ${request}.`,
        `${fix.summary} Then send Cache-Control: no-store on write responses, and scan the configuration with \`cachelint <config>\` (CL001).`,
        fix.snippet,
      ),
    ];
  }

  if (judgement.cacheHeaders.length && setting(CL103) !== 'off') {
    const writes = [...new Set(judgement.cacheHeaders.map((e) => e.write))];
    const layer = judgement.cacheHeaders.find((e) => e.layer)?.layer ?? judgement.hops.map((h) => h.layer).find((l) => LAYER_FIX[l]);
    const fix = fixFor(layer);
    return [
      make(
        CL103,
        setting(CL103) as Severity,
        `${target.route} on ${target.resource}: the answer${writes.length > 1 ? 's' : ''} to ${writeList(writes)} of ${n} carr${writes.length > 1 ? 'y' : 'ies'} cache headers and no Cache-Control: no-store: ${unique(judgement.cacheHeaders.map((e) => e.detail)).join('; ')}. Not answered from cache this time, but ${layer ?? 'a cache'} is in the path and may store writes. Hops: ${hops}. Request: ${request}.`,
        `Send Cache-Control: no-store on write responses (the origin, or the layer in front of it), and keep writes out of the cache: ${fix.summary}`,
        fix.snippet,
      ),
    ];
  }

  if (judgement.missingNoStore.length && setting(CL102) !== 'off') {
    const gaps = judgement.missingNoStore;
    const lifetimes = unique(gaps.map((g) => g.lifetime).filter((l): l is string => Boolean(l)));
    return [
      make(
        CL102,
        setting(CL102) as Severity,
        `${target.route} on ${target.resource}: ${gaps.length} of ${n} write answer(s) arrived without Cache-Control: no-store (${unique(gaps.map((g) => (g.cacheControl ? `Cache-Control: ${g.cacheControl}` : 'no Cache-Control header'))).join('; ')})${lifetimes.length ? `, with a cacheable lifetime (${lifetimes.join('; ')})` : ''}. Hops: ${hops}. Request: ${request}.`,
        'Send Cache-Control: no-store on responses to writes: from the backend, or set it at the gateway/CDN in front of it.',
        noStoreSnippet(judgement.hops.map((h) => h.layer)),
      ),
    ];
  }
  return [];
}

function writeList(writes: number[]): string {
  return `${writes.length === 1 ? 'write' : 'writes'} ${joinAnd(writes)}`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function hopsText(hops: Hop[]): string {
  return hops.length ? hops.map((h) => `${h.layer} (${h.evidence.join(', ')})`).join(' → ') : 'none identified (no Via, Server or CDN/gateway headers)';
}

/** The first request as sent, header values redacted. */
export function requestText(plan: Plan): string {
  const r = plan.requests[0];
  return `${r.method} ${redactUrl(r.url)} with ${r.headers.map(([k, v]) => `${k}: ${redactHeaderValue(k, v)}`).join(', ')}`;
}

interface Fix {
  summary: string;
  snippet?: string;
}

const LAYER_FIX: Record<string, Fix> = {
  [LAYER.nginx]: {
    summary:
      'nginx: do not cache writes — take POST out of proxy_cache_methods (default GET HEAD) in the location that proxies them, or turn the cache off there.',
    snippet: 'location /webhooks {\n    proxy_pass http://backend;\n    proxy_cache off;                # or keep it and: proxy_cache_methods GET HEAD;\n}',
  },
  [LAYER.openResty]: {
    summary: 'OpenResty/nginx: take POST out of proxy_cache_methods (default GET HEAD) where writes are proxied, or proxy_cache off there.',
    snippet: 'proxy_cache_methods GET HEAD;',
  },
  [LAYER.kong]: {
    summary: "Kong: on the proxy-cache plugin that covers this route, cache only reads and honour the origin's Cache-Control.",
    snippet: 'plugins:\n  - name: proxy-cache\n    config:\n      request_method: [GET, HEAD]\n      cache_control: true',
  },
  [LAYER.apiGateway]: {
    summary: 'API Gateway: turn caching off for this method with a MethodSetting (keep the entry; deleting it leaves caching on on a deployed stage).',
    snippet: 'MethodSettings:\n  - ResourcePath: /~1webhooks     # this path, "/" as ~1\n    HttpMethod: POST\n    CachingEnabled: false',
  },
  [LAYER.cloudFront]: {
    summary:
      'CloudFront: use the CachingDisabled cache policy on the behaviour for this path, and a response headers policy that sets Cache-Control: no-store.',
    snippet: `CachePolicyId: ${CACHING_DISABLED_ID}   # CachingDisabled`,
  },
  [LAYER.cloudflare]: {
    summary: 'Cloudflare: add a Cache Rule that bypasses the cache for this path (and remove any "Cache Everything" rule that matches it).',
  },
  [LAYER.varnish]: {
    summary: 'Varnish: return (pass) for writes in vcl_recv.',
    snippet: 'sub vcl_recv {\n    if (req.method != "GET" && req.method != "HEAD") { return (pass); }\n}',
  },
};

export function fixFor(layer: string | undefined): Fix {
  return (
    (layer && LAYER_FIX[layer]) || {
      summary: 'Find the cache that answered (see the hops) and stop it from storing responses to writes; the backend should send Cache-Control: no-store.',
    }
  );
}

function noStoreSnippet(layers: string[]): string | undefined {
  if (layers.includes(LAYER.kong))
    return ['plugins:', '  - name: response-transformer', '    config:', ...NO_STORE_TRANSFORMER.map((l) => `      ${l}`)].join('\n');
  if (layers.includes(LAYER.cloudFront))
    return 'ResponseHeadersPolicyConfig:\n  Name: api-no-store\n  CustomHeadersConfig:\n    Items:\n      - Header: Cache-Control\n        Value: no-store\n        Override: true';
  if (layers.includes(LAYER.nginx))
    return '# in the location that proxies writes:\nproxy_hide_header Cache-Control;\nadd_header Cache-Control "no-store" always;';
  return undefined;
}
