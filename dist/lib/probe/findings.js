"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.targetOf = targetOf;
exports.probeFindings = probeFindings;
exports.hopsText = hopsText;
exports.requestText = requestText;
exports.fixFor = fixFor;
const meta_1 = require("../meta");
const index_1 = require("../../rules/index");
const helpers_1 = require("../../rules/helpers");
const judge_1 = require("./judge");
const redact_1 = require("./redact");
function targetOf(plan) {
    const path = plan.url.pathname || '/';
    return { file: (0, redact_1.redactUrl)(plan.url.toString()), route: `${plan.method} ${path}`, findingId: `${path}/${plan.method}`, resource: plan.url.host };
}
function probeFindings(plan, judgement, options = {}) {
    const setting = (rule) => options.rules?.[rule.id] ?? rule.severity;
    const target = targetOf(plan);
    const hops = hopsText(judgement.hops);
    const request = requestText(plan);
    const n = plan.requests.length;
    const noStoreNote = judgement.missingNoStore.length
        ? ` The answers also lack Cache-Control: no-store (${judgement.missingNoStore.map((g) => `write ${g.write}: ${g.cacheControl ? `Cache-Control: ${g.cacheControl}` : 'no Cache-Control'}`).join('; ')}).`
        : '';
    const make = (rule, severity, message, summary, snippet) => ({
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
        docsUrl: (0, meta_1.docsUrl)(rule),
    });
    if (judgement.ghost.length && setting(index_1.CL101) !== 'off') {
        const strong = judgement.ghost.some((s) => s.strong);
        const configured = setting(index_1.CL101);
        // Only an identical answer (no hit header, no Age, no foreign nonce) may be an API that answers every write
        // alike: below the default, and the message says how to confirm.
        const severity = strong || configured !== 'error' ? configured : 'warning';
        const writes = [...new Set(judgement.ghost.map((s) => s.write))];
        const by = judgement.answeredBy ? ` Answered by ${judgement.answeredBy}.` : '';
        const confirm = strong
            ? ''
            : " Only the answers' equality shows it; an API that answers every write alike looks the same — confirm with --expect-echo <json path of an echoed nonce>.";
        const fix = fixFor(judgement.answeredBy ?? judgement.hops.map((h) => h.layer).find((l) => LAYER_FIX[l]));
        return [
            make(index_1.CL101, severity, `${target.route} on ${target.resource}: ${writeList(writes)} of ${n} ${writes.length === 1 ? 'was' : 'were'} answered from a cache, not the backend (ghost 200). Evidence: ${judgement.ghost.map((s) => s.detail).join('; ')}.${by}${confirm}${noStoreNote} Hops: ${hops}. Request: ${request}.`, `${fix.summary} Then send Cache-Control: no-store on write responses, and scan the configuration with \`cachelint <config>\` (CL001).`, fix.snippet),
        ];
    }
    if (judgement.cacheHeaders.length && setting(index_1.CL103) !== 'off') {
        const writes = [...new Set(judgement.cacheHeaders.map((e) => e.write))];
        const layer = judgement.cacheHeaders.find((e) => e.layer)?.layer ?? judgement.hops.map((h) => h.layer).find((l) => LAYER_FIX[l]);
        const fix = fixFor(layer);
        return [
            make(index_1.CL103, setting(index_1.CL103), `${target.route} on ${target.resource}: the answer${writes.length > 1 ? 's' : ''} to ${writeList(writes)} of ${n} carr${writes.length > 1 ? 'y' : 'ies'} cache headers and no Cache-Control: no-store: ${unique(judgement.cacheHeaders.map((e) => e.detail)).join('; ')}. Not answered from cache this time, but ${layer ?? 'a cache'} is in the path and may store writes. Hops: ${hops}. Request: ${request}.`, `Send Cache-Control: no-store on write responses (the origin, or the layer in front of it), and keep writes out of the cache: ${fix.summary}`, fix.snippet),
        ];
    }
    if (judgement.missingNoStore.length && setting(index_1.CL102) !== 'off') {
        const gaps = judgement.missingNoStore;
        const lifetimes = unique(gaps.map((g) => g.lifetime).filter((l) => Boolean(l)));
        return [
            make(index_1.CL102, setting(index_1.CL102), `${target.route} on ${target.resource}: ${gaps.length} of ${n} write answer(s) arrived without Cache-Control: no-store (${unique(gaps.map((g) => (g.cacheControl ? `Cache-Control: ${g.cacheControl}` : 'no Cache-Control header'))).join('; ')})${lifetimes.length ? `, with a cacheable lifetime (${lifetimes.join('; ')})` : ''}. Hops: ${hops}. Request: ${request}.`, 'Send Cache-Control: no-store on responses to writes: from the backend, or set it at the gateway/CDN in front of it.', noStoreSnippet(judgement.hops.map((h) => h.layer))),
        ];
    }
    return [];
}
function writeList(writes) {
    return `${writes.length === 1 ? 'write' : 'writes'} ${(0, helpers_1.joinAnd)(writes)}`;
}
function unique(xs) {
    return [...new Set(xs)];
}
function hopsText(hops) {
    return hops.length ? hops.map((h) => `${h.layer} (${h.evidence.join(', ')})`).join(' → ') : 'none identified (no Via, Server or CDN/gateway headers)';
}
/** The first request as sent, header values redacted. */
function requestText(plan) {
    const r = plan.requests[0];
    return `${r.method} ${(0, redact_1.redactUrl)(r.url)} with ${r.headers.map(([k, v]) => `${k}: ${(0, redact_1.redactHeaderValue)(k, v)}`).join(', ')}`;
}
const LAYER_FIX = {
    [judge_1.LAYER.nginx]: {
        summary: 'nginx: do not cache writes — take POST out of proxy_cache_methods (default GET HEAD) in the location that proxies them, or turn the cache off there.',
        snippet: 'location /webhooks {\n    proxy_pass http://backend;\n    proxy_cache off;                # or keep it and: proxy_cache_methods GET HEAD;\n}',
    },
    [judge_1.LAYER.openResty]: {
        summary: 'OpenResty/nginx: take POST out of proxy_cache_methods (default GET HEAD) where writes are proxied, or proxy_cache off there.',
        snippet: 'proxy_cache_methods GET HEAD;',
    },
    [judge_1.LAYER.kong]: {
        summary: "Kong: on the proxy-cache plugin that covers this route, cache only reads and honour the origin's Cache-Control.",
        snippet: 'plugins:\n  - name: proxy-cache\n    config:\n      request_method: [GET, HEAD]\n      cache_control: true',
    },
    [judge_1.LAYER.apiGateway]: {
        summary: 'API Gateway: turn caching off for this method with a MethodSetting (keep the entry; deleting it leaves caching on on a deployed stage).',
        snippet: 'MethodSettings:\n  - ResourcePath: /~1webhooks     # this path, "/" as ~1\n    HttpMethod: POST\n    CachingEnabled: false',
    },
    [judge_1.LAYER.cloudFront]: {
        summary: 'CloudFront: use the CachingDisabled cache policy on the behaviour for this path, and a response headers policy that sets Cache-Control: no-store.',
        snippet: `CachePolicyId: ${helpers_1.CACHING_DISABLED_ID}   # CachingDisabled`,
    },
    [judge_1.LAYER.cloudflare]: {
        summary: 'Cloudflare: add a Cache Rule that bypasses the cache for this path (and remove any "Cache Everything" rule that matches it).',
    },
    [judge_1.LAYER.varnish]: {
        summary: 'Varnish: return (pass) for writes in vcl_recv.',
        snippet: 'sub vcl_recv {\n    if (req.method != "GET" && req.method != "HEAD") { return (pass); }\n}',
    },
};
function fixFor(layer) {
    return ((layer && LAYER_FIX[layer]) || {
        summary: 'Find the cache that answered (see the hops) and stop it from storing responses to writes; the backend should send Cache-Control: no-store.',
    });
}
function noStoreSnippet(layers) {
    if (layers.includes(judge_1.LAYER.kong))
        return ['plugins:', '  - name: response-transformer', '    config:', ...helpers_1.NO_STORE_TRANSFORMER.map((l) => `      ${l}`)].join('\n');
    if (layers.includes(judge_1.LAYER.cloudFront))
        return 'ResponseHeadersPolicyConfig:\n  Name: api-no-store\n  CustomHeadersConfig:\n    Items:\n      - Header: Cache-Control\n        Value: no-store\n        Override: true';
    if (layers.includes(judge_1.LAYER.nginx))
        return '# in the location that proxies writes:\nproxy_hide_header Cache-Control;\nadd_header Cache-Control "no-store" always;';
    return undefined;
}
