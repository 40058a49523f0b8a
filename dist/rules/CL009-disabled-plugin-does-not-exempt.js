"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL009 = void 0;
const helpers_1 = require("./helpers");
const messages = {
    disabledDoesNotExempt: '{plugin} is disabled at {scope} scope for {routes}, but disabled instances do not shadow broader ones: {active} still applies.',
};
// Kong drops disabled plugin instances before it looks up the most specific one, so `enabled: false` on a route
// does not exempt it from a service or global proxy-cache: the broader cache still applies (docs/platforms/kong.md#plugin-precedence).
exports.CL009 = {
    id: 'CL009',
    name: 'disabled-plugin-does-not-exempt',
    severity: 'warning',
    summary: 'A route- or service-level caching plugin with `enabled: false` next to a broader cache that still applies.',
    rationale: 'Disabled instances do not shadow broader ones: the global or service proxy-cache keeps caching the route the author meant to exempt.',
    docs: 'docs/rules/CL009.md',
    messages,
    remediation: {
        kong: 'Replace `enabled: false` with an enabled instance that caches nothing harmful (`request_method: [HEAD]`), or scope the broader plugin to the routes that should be cached.',
        'kong-ingress': 'Replace `disabled: true` with an enabled KongPlugin using `request_method: [HEAD]`, or narrow the global plugin.',
    },
    check(endpoint) {
        const inert = endpoint.inertCacheInstances ?? [];
        if (inert.length === 0)
            return [];
        const active = endpoint.caches.filter((l) => l.kind.startsWith('kong-'));
        if (active.length === 0)
            return [];
        return inert.map((instance) => ({
            at: instance.at,
            findingId: instance.id ?? `${endpoint.findingId}#${instance.scope}`,
            messageId: 'disabledDoesNotExempt',
            data: { plugin: instance.name, scope: instance.scope, active: active.map((l) => (0, helpers_1.where)(l, endpoint)).join(', ') },
            remediation: () => ({
                summary: `Make the ${instance.scope}-level instance enabled but harmless (request_method: [HEAD], cache_control: true) instead of enabled: false, or narrow the scope of ${active[0].name}.`,
                snippet: endpoint.flavor === 'kong-ingress'
                    ? (0, helpers_1.kongConfigSnippet)('kong-ingress', instance.name, ['request_method: [HEAD]', 'cache_control: true'])
                    : [
                        '- name: ' + instance.name,
                        '  enabled: true',
                        '  config:',
                        '    request_method: [HEAD]',
                        '    cache_control: true',
                        '    strategy: memory',
                    ].join('\n'),
            }),
        }));
    },
};
