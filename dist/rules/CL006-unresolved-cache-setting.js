"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL006 = void 0;
exports.describeUnresolved = describeUnresolved;
const messages_1 = require("../lib/messages");
const helpers_1 = require("./helpers");
// What an adapter could not resolve, one template per kind of reason (lib/model.ts UnresolvedReason).
const reasons = {
    methodSetting: 'The MethodSetting on stage {stage} cannot be resolved: {why}; whether it caches a write method is unknown.',
    methodSettingKey: "The MethodSetting's {field} on stage {stage} cannot be resolved: {why}; which method it caches is unknown.",
    stageCaching: 'Whether stage {stage} caches cannot be resolved: {why}.',
    methodUnresolved: "Stage {stage} {caching}, and the {part} of {method} cannot be resolved: {why}: whether its cache stores this method's responses is unknown.",
    methodUnresolvedNoWhy: "Stage {stage} {caching}, and the {part} of {method} cannot be resolved: whether its cache stores this method's responses is unknown.",
    methodsElsewhere: 'Stage {stage} {caching}, but the methods of API {api} are not in this template ({why}): cachelint cannot tell which methods and keys the cache applies to.',
    forEach: '{key} generates {types} resources at deploy time (AWS::LanguageExtensions); cachelint does not expand Fn::ForEach, so their cache settings are not judged.',
    distributionConfig: 'The DistributionConfig of {distribution} cannot be resolved: {why}.',
    cacheBehaviour: 'A cache behaviour of {distribution} cannot be resolved: {why}; its methods and cache are unknown.',
    cacheBehaviourNoWhy: 'A cache behaviour of {distribution} cannot be resolved; its methods and cache are unknown.',
    pluginScope: 'The scope of {plugin} cannot be resolved: {why}.',
};
const messages = {
    // Values of one endpoint's settings: `{values}` names them ("Which methods proxy-cache caches and whether it honours no-store").
    unresolved: '{values} ({routes}) cannot be resolved: {why}. This decides {rules}; cachelint does not assume it safe.',
    unresolvedMany: '{values} ({routes}) cannot be resolved: {why}. This decides {rules}; cachelint does not assume them safe.',
    // A fact an adapter reported: the reason's words, then the rules it decides (`…Decides`) where the adapter names them.
    ...reasons,
    ...Object.fromEntries(Object.entries(reasons).map(([id, text]) => [`${id}Decides`, `${text} This decides {rules}.`])),
};
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
    messages,
    remediation: {
        kong: 'Lint the rendered file (`deck file render` with the DECK_ variables set) or use a literal for settings that decide caching; otherwise suppress with a reason.',
        'kong-ingress': 'Use an inline `config` for settings that decide caching (a `configFrom` Secret is not visible to a static scan), or suppress with a reason.',
        cloudformation: 'Use a literal value for settings that decide caching, or constrain the parameter with AllowedValues; acknowledge with a reason otherwise.',
        cdk: 'Use a literal (not a token) for settings that decide caching, or acknowledge with a reason.',
    },
    check(endpoint) {
        const unresolved = [];
        // `what` names the value in full; `again` names it after another value of the same layer (pronoun form).
        const report = (v, what, blocks, subject = '', again = what, settingOf) => {
            if (!v.known)
                unresolved.push({ at: v.at, what, again, subject, why: v.why, blocks, settingOf });
        };
        const writes = (0, helpers_1.unsafeAccepted)(endpoint);
        const mayWrite = writes === undefined || writes.length > 0;
        // The accepted methods decide CL001-CL003 only where a cache or a webhook path makes them matter: a route with
        // neither has nothing to decide, and reporting it would be noise (e.g. a KongIngress override no file defines).
        const methodsMatter = endpoint.caches.length > 0 || endpoint.webhook;
        if (methodsMatter)
            report(endpoint.methods, 'The accepted methods', ['CL001', 'CL002', 'CL003']);
        for (const layer of endpoint.caches) {
            const on = (v, what, again, blocks) => report(v, what, blocks, layer.name, again, (0, helpers_1.settingId)(endpoint, layer));
            on(layer.cachedMethods, `Which methods ${layer.name} caches`, 'which methods it caches', ['CL001']);
            const applies = (0, helpers_1.cachedHere)(endpoint, layer);
            if (applies && applies.length === 0)
                continue;
            if (mayWrite)
                on(layer.honorsOriginNoStore, `Whether ${layer.name} honours no-store`, 'whether it honours no-store', ['CL002']);
            if (mayWrite && layer.kind.startsWith('cloudfront-'))
                on(layer.ttl, `The TTL of ${layer.name}`, 'its TTL', ['CL005']);
            on(layer.keyIncludesIdentity, `Whether the key of ${layer.name} separates callers`, 'whether its key separates callers', ['CL004']);
        }
        if (mayWrite && methodsMatter)
            report(endpoint.noStore, 'The Cache-Control policy', ['CL003']);
        return groupByLocation(unresolved).map((group) => hitFor(endpoint, group));
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
                ...withRules(reasonMessage(fact.reason), fact.blocks),
                remediation: { summary: exports.CL006.remediation[fact.flavor] ?? 'Use a literal value, or acknowledge with a reason.' },
            },
        ];
    },
};
/** The template and data for what an adapter could not resolve: the value, why, and what that leaves unknown. */
function reasonMessage(r) {
    switch (r.kind) {
        case 'method-setting':
            return { messageId: 'methodSetting', data: { stage: r.stage, why: r.why } };
        case 'method-setting-key':
            return { messageId: 'methodSettingKey', data: { stage: r.stage, field: r.field, why: r.why } };
        case 'stage-caching':
            return { messageId: 'stageCaching', data: { stage: r.stage, why: r.why } };
        case 'method-unresolved': {
            const data = { stage: r.stage, caching: r.cachesSurely ? 'caches' : 'may cache', part: r.part, method: r.method };
            return r.why === undefined ? { messageId: 'methodUnresolvedNoWhy', data } : { messageId: 'methodUnresolved', data: { ...data, why: r.why } };
        }
        case 'methods-elsewhere':
            return { messageId: 'methodsElsewhere', data: { stage: r.stage, caching: r.cachesSurely ? 'has caching on' : 'may cache', api: r.api, why: r.why } };
        case 'foreach':
            return { messageId: 'forEach', data: { key: r.key, types: r.types.join(', ') } };
        case 'distribution-config':
            return { messageId: 'distributionConfig', data: { distribution: r.distribution, why: r.why } };
        case 'cache-behaviour':
            return r.why
                ? { messageId: 'cacheBehaviour', data: { distribution: r.distribution, why: r.why } }
                : { messageId: 'cacheBehaviourNoWhy', data: { distribution: r.distribution } };
        case 'plugin-scope':
            return { messageId: 'pluginScope', data: { plugin: r.plugin, why: r.why } };
    }
}
function withRules({ messageId, data }, rules) {
    return rules.length ? { messageId: `${messageId}Decides`, data: { ...data, rules: rules.join(', ') } } : { messageId, data };
}
/** What an adapter could not resolve, in the rule's words (without the rules it decides): for reading a model. */
function describeUnresolved(r) {
    const { messageId, data } = reasonMessage(r);
    return (0, messages_1.formatMessage)(reasons[messageId], data);
}
// One place in the file, one finding: a `configFrom` Secret hides every proxy-cache setting behind one line, and
// three findings there would ask for the same fix three times.
function groupByLocation(unresolved) {
    const groups = new Map();
    for (const u of unresolved) {
        const key = `${u.at.file}:${u.at.line}:${u.at.column}`;
        const group = groups.get(key);
        if (!group)
            groups.set(key, [u]);
        else if (!group.some((g) => g.what === u.what && g.why === u.why))
            group.push(u);
    }
    return [...groups.values()];
}
function hitFor(endpoint, group) {
    const unique = (xs) => [...new Set(xs)];
    const whats = group.map((u, i) => (i === 0 ? u.what : u.subject && u.subject === group[i - 1].subject ? u.again : lowerFirst(u.what)));
    const blocks = unique(group.flatMap((u) => u.blocks));
    const settings = unique(group.map((u) => u.settingOf ?? ''));
    return {
        at: group[0].at,
        findingId: settings.length === 1 && settings[0] ? settings[0] : undefined,
        messageId: group.length > 1 ? 'unresolvedMany' : 'unresolved',
        data: { values: (0, helpers_1.joinAnd)(whats), why: commonWhy(unique(group.map((u) => u.why))), rules: blocks.join(', ') },
        remediation: { summary: exports.CL006.remediation[endpoint.flavor] ?? 'Use a literal value, or acknowledge with a reason.' },
    };
}
// Values hidden by one cause differ only in the field they name, e.g. "… cannot read (the request_method of
// proxy-cache)" and "… (the vary_headers of proxy-cache)": the cause is said once; the fields are in the message.
function commonWhy(whys) {
    if (whys.length === 1)
        return whys[0];
    const bases = new Set(whys.map((w) => w.replace(/ \(the [^()]*\)$/, '')));
    return bases.size === 1 ? [...bases][0] : whys.join('; ');
}
function lowerFirst(s) {
    return s.charAt(0).toLowerCase() + s.slice(1);
}
