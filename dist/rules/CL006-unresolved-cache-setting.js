"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL006 = void 0;
const helpers_1 = require("./helpers");
// A value we cannot resolve statically (`!Ref`, a CDK token, `${{ env "DECK_X" }}`) is neither safe nor unsafe.
// Reporting it is the difference between "no findings" and "no findings we could see".
exports.CL006 = {
    id: 'CL006',
    name: 'unresolved-cache-setting',
    severity: 'warning',
    summary: "A value that decides another rule's outcome cannot be resolved statically.",
    rationale: 'Parameters, CDK tokens and decK environment placeholders are decided at deploy time. cachelint never assumes them safe: ' +
        'it names the value and the rule it blocks, so the gap is visible in review.',
    docs: 'docs/rules/CL006.md',
    remediation: {
        kong: 'Lint the rendered file (`deck file render` with the DECK_ variables set) or use a literal for settings that decide caching; otherwise suppress with a reason.',
        'kong-ingress': 'Use an inline `config` for settings that decide caching (a `configFrom` Secret is not visible to a static scan), or suppress with a reason.',
        cloudformation: 'Use a literal value for settings that decide caching, or constrain the parameter with AllowedValues; acknowledge with a reason otherwise.',
        cdk: 'Use a literal (not a token) for settings that decide caching, or acknowledge with a reason.',
    },
    check(endpoint) {
        const hits = [];
        const seen = new Set();
        const report = (v, what, blocks) => {
            if (v.known)
                return;
            const key = `${v.at.file}:${v.at.line}:${v.at.column}:${v.why}`;
            if (seen.has(key))
                return;
            seen.add(key);
            hits.push(hitFor(endpoint, v.at, `${what} (${endpoint.route}) cannot be resolved: ${v.why}. This decides ${blocks.join(', ')}; cachelint does not assume it safe.`));
        };
        report(endpoint.methods, 'The accepted methods', ['CL001', 'CL002', 'CL003']);
        const writes = (0, helpers_1.unsafeAccepted)(endpoint);
        const mayWrite = writes === undefined || writes.length > 0;
        for (const layer of endpoint.caches) {
            report(layer.cachedMethods, `Which methods ${layer.name} caches`, ['CL001']);
            const applies = (0, helpers_1.cachedHere)(endpoint, layer);
            if (applies && applies.length === 0)
                continue;
            if (mayWrite)
                report(layer.honorsOriginNoStore, `Whether ${layer.name} honours no-store`, ['CL002']);
            if (mayWrite && layer.kind.startsWith('cloudfront-'))
                report(layer.ttl, `The TTL of ${layer.name}`, ['CL005']);
            report(layer.keyIncludesIdentity, `Whether the key of ${layer.name} separates callers`, ['CL004']);
        }
        if (mayWrite && (endpoint.caches.length > 0 || endpoint.webhook))
            report(endpoint.noStore, 'The Cache-Control policy', ['CL003']);
        return hits;
    },
    checkFact(fact) {
        if (fact.kind !== 'unresolved-setting')
            return [];
        return [
            {
                at: fact.at,
                findingId: fact.findingId,
                resource: fact.resource,
                route: fact.route,
                platform: fact.platform,
                message: fact.message + (fact.blocks?.length ? ` This decides ${fact.blocks.join(', ')}.` : ''),
                remediation: fact.fix ?? { summary: exports.CL006.remediation[fact.flavor] ?? 'Use a literal value, or acknowledge with a reason.' },
            },
        ];
    },
};
function hitFor(endpoint, at, message) {
    return {
        at,
        message,
        remediation: { summary: exports.CL006.remediation[endpoint.flavor] ?? 'Use a literal value, or acknowledge with a reason.' },
    };
}
//# sourceMappingURL=CL006-unresolved-cache-setting.js.map