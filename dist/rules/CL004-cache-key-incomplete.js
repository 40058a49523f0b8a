"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL004 = void 0;
const model_1 = require("../lib/model");
const helpers_1 = require("./helpers");
const LEAD = '{layer} caches {methods} on {routes}';
const ORP_QUERY = `${LEAD}; its origin request policy sends {queryStrings} to the origin but the cache key leaves them out: requests that differ only there share one cached response.`;
const PROXY = `${LEAD}; its proxy integration receives every query string and cookie, but the key has no parameters: `;
const SERVED = "one caller's cached response can be served to another.";
const NO_CONSUMER = 'no Kong auth plugin puts a consumer in the key, vary_headers has no identity header and cache_control is false';
const messages = {
    // `#params`: path and query inputs.
    queryStringsNotKeyed: ORP_QUERY.replace('{queryStrings}', 'the query strings {queryStrings}'),
    allQueryStringsNotKeyedTokenPath: `${ORP_QUERY.replace('{queryStrings}', 'every query string')} The names are not in the template; the path ({pathWord}) reads like a token or id lookup.`,
    allQueryStringsNotKeyed: `${ORP_QUERY.replace('{queryStrings}', 'every query string')} The names are not in the template, and nothing in the path says the response depends on one.`,
    paramsNotKeyed: `${LEAD} but leaves {params} out of the key: one cached response is returned for every value.`,
    proxyKeyEmptyTokenPath: `${PROXY}{path}?{name}=A and {path}?{name}=B (whatever the names) get one cached response: one caller's answer is replayed to the next. ` +
        'No query strings are declared, so their names are unknown; the path ({pathWord}) reads like a token or id lookup.',
    proxyKeyEmpty: `${PROXY}requests that differ only in their query strings share one cached response. ` +
        'No query strings are declared, and nothing in the path says the response depends on one.',
    // `#identity`: the caller.
    identityForwardedNotKeyed: `${LEAD}; its origin request policy sends {forwarded} to the origin, but the cache key leaves {pronoun} out: ${SERVED}`,
    authorizerIdentityForwardedNotKeyed: `${LEAD}; the API's authorizer reads {authorizerReads}, which reaches it through the origin request policy, but the cache key leaves {pronoun} out: ${SERVED}`,
    identityAndAuthorizerIdentityForwardedNotKeyed: `${LEAD}; its origin request policy sends {forwarded} to the origin, and the API's authorizer reads {authorizerReads}, which reaches it through the origin request policy, ` +
        `but the cache key leaves them out: ${SERVED}`,
    kongConsumerless: `${LEAD}, where {sources} identifies callers, but proxy-cache keys only on a Kong consumer: ${SERVED}`,
    kongCallerPath: `${LEAD}, whose path ({pathWord}) reads as the caller's own data, but ${NO_CONSUMER}: ${SERVED}`,
    kongCallersNotSeparated: `${LEAD} without separating callers (${NO_CONSUMER}). Nothing says its responses depend on the caller; if they do, ${SERVED}`,
    iamCallersNotSeparated: `${LEAD} for AWS_IAM callers without separating them. Keying on Authorization would cache nothing: SigV4 signs every request differently. ` +
        'If responses differ per caller, key on a header that identifies the caller or stop caching this method.',
    authorizerIdentityNotKeyed: `${LEAD}, whose {authorizerType} authorizer reads {sources}, but the key leaves {pronoun} out: ${SERVED}`,
};
// A cache key that leaves out an input which selects the response serves one caller's (or one id's) answer to
// everyone: `?department=B` gets department A, user B gets user A's account. It warns only with evidence that the
// response depends on what the key leaves out; two findings per cache, each fixed or acknowledged on its own:
// `#params` (parameters, query strings) and `#identity` (the caller).
exports.CL004 = {
    id: 'CL004',
    name: 'cache-key-incomplete',
    severity: 'warning',
    summary: "A cached method's key omits a request input that selects the response (a path or query parameter, or the caller's identity).",
    rationale: 'API Gateway keys only on the parameters listed in CacheKeyParameters: undeclared path and query parameters, the query strings a proxy integration reads and ' +
        "an authorizer's identity source share one entry. CloudFront keys only on what the cache policy lists: cookies and headers an origin request policy forwards " +
        'reach the origin without separating entries. Kong proxy-cache keys on the consumer, which only an auth plugin that maps one sets.',
    docs: 'docs/rules/CL004.md',
    messages,
    remediation: {
        kong: 'Add an auth plugin that maps a consumer (the key then includes it), or `config.vary_headers: [Authorization]`, or `config.cache_control: true` (requests with Authorization bypass the cache).',
        'kong-ingress': 'In the KongPlugin: add an auth plugin to the route, or `config.vary_headers: [Authorization]`, or `config.cache_control: true`.',
        cloudformation: 'API Gateway: add the parameters to `Integration.CacheKeyParameters` (declared in `RequestParameters`, optional ones staying `false`). CloudFront: add the cookies / headers to the cache policy (`CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin`).',
        cdk: 'API Gateway: add them to `cacheKeyParameters` of the integration and `requestParameters` of the method. CloudFront: a `CachePolicy` with `cookieBehavior` / `headerBehavior` listing them.',
    },
    check(endpoint, context) {
        // A bucket serves the same object to everyone: what its cache key leaves out selects nothing.
        if (endpoint.staticOrigin)
            return [];
        const hits = [];
        for (const layer of endpoint.caches) {
            // Cached writes are CL001's root cause (its fix stops caching them): judge the key on the reads only.
            const writes = context.enabled('CL001') ? (0, helpers_1.unsafeCached)(endpoint, layer) : [];
            const cached = (0, helpers_1.cachedHere)(endpoint, layer)?.filter((m) => !writes.includes(m));
            if (!cached || cached.length === 0)
                continue;
            const base = endpoint.findingId + (layer.details?.findingSuffix ?? '');
            const lead = { layer: (0, helpers_1.where)(layer, endpoint), methods: cached.join('/') };
            const params = paramsHalf(endpoint, layer, lead, cached);
            if (params)
                hits.push({ ...params, at: layer.at, findingId: `${base}#params` });
            // Kong's fix for the caller is on the plugin (vary_headers, cache_control): one finding per plugin instance.
            const shared = (0, helpers_1.isKongCache)(layer) && layer.id !== undefined;
            const identity = identityHalf(endpoint, layer, shared ? { ...lead, methods: settingReads(layer, cached) } : lead, cached);
            if (identity)
                hits.push({ ...identity, at: layer.at, findingId: `${shared ? (0, helpers_1.settingId)(endpoint, layer) : base}#identity` });
        }
        return hits;
    },
};
// Path words that say a query string carries a token or selects a record: `/auth/callback?token=…`, `/verify?code=…`.
const TOKEN_PATH = /(^|[/_.-])(auth|oauth2?|callback|verify|verification|confirm|confirmation|token|tokens|magic-?link|magic|reset|password|login|signin|sso|saml|invite|invitation|activate|activation|unsubscribe|otp|redeem|claim|download|lookup|search|find|query)([/_.{-]|$)/i;
// Path words that say the response is the caller's own data: `/me`, `/account`, `/cart`.
const CALLER_PATH = /(^|\/)(me|my|self|whoami|userinfo|profile|account|session|cart|basket|inbox|notifications|settings|preferences|dashboard|wallet|billing)(\/|$)/i;
const pathWord = (endpoint, re) => {
    for (const p of endpoint.paths) {
        const m = re.exec(p);
        if (m)
            return m[2];
    }
    return undefined;
};
/** Path and query inputs the response depends on that the key leaves out. */
function paramsHalf(endpoint, layer, lead, cached) {
    if ((0, helpers_1.isCloudFront)(layer)) {
        const qs = (layer.forwardedNotKeyed ?? []).filter((e) => e.startsWith('querystring:'));
        if (qs.length === 0)
            return undefined;
        const named = qs.filter((q) => q !== 'querystring:*');
        const word = named.length ? undefined : pathWord(endpoint, TOKEN_PATH);
        return {
            severity: named.length || word ? undefined : 'info',
            ...(named.length
                ? { messageId: 'queryStringsNotKeyed', data: { ...lead, queryStrings: (0, helpers_1.joinAnd)(named.map((q) => q.slice('querystring:'.length))) } }
                : word
                    ? { messageId: 'allQueryStringsNotKeyedTokenPath', data: { ...lead, pathWord: word } }
                    : { messageId: 'allQueryStringsNotKeyed', data: { ...lead } }),
            remediation: () => cloudFrontRemediation(endpoint, layer, qs),
        };
    }
    if ((0, helpers_1.isKongCache)(layer))
        return undefined; // proxy-cache keys on every query parameter unless vary_query_params narrows it
    const missing = layer.keyMissing ?? [];
    if (missing.length)
        return {
            messageId: 'paramsNotKeyed',
            data: { ...lead, params: missing.join(', ') },
            remediation: () => apiGatewayRemediation(endpoint, missing, `Add ${missing.join(', ')} to`),
        };
    // A proxy integration reads every query string and cookie; a key with no parameters keys on the path alone.
    const keyEmpty = layer.key.known && layer.key.value.filter((k) => k !== 'body').length === 0;
    if (!endpoint.proxyIntegration || !keyEmpty)
        return undefined;
    const word = pathWord(endpoint, TOKEN_PATH);
    const { path } = (0, helpers_1.apiPathAndMethod)(endpoint);
    const name = word && /^(search|find|query|lookup)$/i.test(word) ? 'q' : 'token';
    return {
        severity: word ? undefined : 'info',
        ...(word ? { messageId: 'proxyKeyEmptyTokenPath', data: { ...lead, path, name, pathWord: word } } : { messageId: 'proxyKeyEmpty', data: { ...lead } }),
        remediation: () => proxyRemediation(endpoint, cached, !!word),
    };
}
/** The caller's identity the response depends on that the key leaves out. */
function identityHalf(endpoint, layer, lead, cached) {
    if ((0, helpers_1.isCloudFront)(layer)) {
        const forwarded = (layer.forwardedNotKeyed ?? []).filter(model_1.carriesIdentity);
        const evidence = [...(layer.identityNotKeyed ?? []), ...forwarded];
        if (evidence.length === 0)
            return undefined;
        const reads = layer.identityNotKeyed?.length ? (0, helpers_1.joinAnd)(layer.identityNotKeyed.map((h) => h.replace(/^header:/, 'header '))) : undefined;
        const pronoun = evidence.length > 1 ? 'them' : 'it';
        return {
            ...(forwarded.length && reads
                ? { messageId: 'identityAndAuthorizerIdentityForwardedNotKeyed', data: { ...lead, forwarded: describeForwarded(forwarded), authorizerReads: reads } }
                : reads
                    ? { messageId: 'authorizerIdentityForwardedNotKeyed', data: { ...lead, authorizerReads: reads, pronoun } }
                    : { messageId: 'identityForwardedNotKeyed', data: { ...lead, forwarded: describeForwarded(forwarded), pronoun } }),
            remediation: () => cloudFrontRemediation(endpoint, layer, evidence),
        };
    }
    if (!layer.keyIncludesIdentity.known || layer.keyIncludesIdentity.value)
        return undefined;
    const sources = layer.identityNotKeyed ?? [];
    if ((0, helpers_1.isKongCache)(layer)) {
        if (sources.length)
            return {
                messageId: 'kongConsumerless',
                data: { ...lead, sources: (0, helpers_1.joinAnd)(sources) },
                remediation: () => kongRemediation(endpoint, layer, sources.map((s) => s.split(' ')[0])),
            };
        const word = pathWord(endpoint, CALLER_PATH);
        return word
            ? {
                messageId: 'kongCallerPath',
                data: { ...lead, pathWord: word },
                remediation: () => kongRemediation(endpoint, layer, []),
            }
            : {
                severity: 'info',
                messageId: 'kongCallersNotSeparated',
                data: { ...lead },
                remediation: () => kongRemediation(endpoint, layer, []),
            };
    }
    // API Gateway.
    if (sources.length === 0 && endpoint.authorizer?.type === 'AWS_IAM')
        return {
            severity: 'info',
            messageId: 'iamCallersNotSeparated',
            data: { ...lead },
            remediation: () => iamRemediation(endpoint, cached),
        };
    if (sources.length === 0)
        return undefined;
    const keyable = sources.filter((s) => /^method\.request\.(header|querystring|multivaluequerystring|path)\./i.test(s));
    const type = endpoint.authorizer?.type ?? 'method';
    return {
        messageId: 'authorizerIdentityNotKeyed',
        data: { ...lead, authorizerType: type, sources: (0, helpers_1.joinAnd)(sources), pronoun: sources.length > 1 ? 'them' : 'it' },
        remediation: () => keyable.length
            ? apiGatewayRemediation(endpoint, keyable, `Add the authorizer's identity source ${keyable.join(', ')} to`)
            : {
                summary: `The authorizer's identity (${sources.join(', ')}) cannot be a cache key parameter: stop caching ${endpoint.route} (CachingEnabled: false for it).`,
                snippet: pinOffSnippet(endpoint, cached),
            },
    };
}
function describeForwarded(entries) {
    return (0, helpers_1.joinAnd)(entries.map((e) => {
        const [part, name] = [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)];
        if (name === '*')
            return part === 'cookie' ? 'every cookie' : part === 'header' ? 'every viewer header' : 'every query string';
        return `${part} ${name}`;
    }));
}
/** RequestParameters value: what the template declares; an undeclared path parameter is required, anything else stays optional. */
function requiredOf(endpoint, param) {
    const declared = endpoint.requestParameters?.[param];
    return declared ?? /^method\.request\.path\./.test(param);
}
function apiGatewayRemediation(endpoint, params, verb) {
    const { path, method } = (0, helpers_1.apiPathAndMethod)(endpoint);
    const optional = params.some((p) => !requiredOf(endpoint, p)) ? ' Optional parameters stay optional (false).' : '';
    if (endpoint.flavor === 'cdk')
        return {
            summary: `${verb} cacheKeyParameters of the ${method} ${path} integration (and to the method's requestParameters).${optional}`,
            snippet: `requestParameters: { ${params.map((p) => `'${p}': ${requiredOf(endpoint, p)}`).join(', ')} },\n// integration options:\ncacheKeyParameters: [${params.map((p) => `'${p}'`).join(', ')}],`,
        };
    return {
        summary: `${verb} Integration.CacheKeyParameters and Method RequestParameters.${optional}`,
        snippet: `RequestParameters:\n${params.map((p) => `  ${p}: ${requiredOf(endpoint, p)}`).join('\n')}\nIntegration:\n  CacheKeyParameters:\n${params.map((p) => `    - ${p}`).join('\n')}`,
    };
}
function pinOffSnippet(endpoint, cached) {
    const { path } = (0, helpers_1.apiPathAndMethod)(endpoint);
    const verbs = cached.filter((m) => m !== 'HEAD');
    const list = verbs.length ? verbs : cached;
    if (endpoint.flavor === 'cdk')
        return `deployOptions: {\n  methodOptions: {\n${list.map((m) => `    '${path}/${m}': { cachingEnabled: false },`).join('\n')}\n  },\n}`;
    return `MethodSettings:\n${list.map((m) => `  - ResourcePath: ${(0, helpers_1.methodSettingPath)(path)}\n    HttpMethod: ${m}\n    CachingEnabled: false`).join('\n')}`;
}
function proxyRemediation(endpoint, cached, tokenLike) {
    const { path, method } = (0, helpers_1.apiPathAndMethod)(endpoint);
    const pin = pinOffSnippet(endpoint, cached);
    const keyIt = endpoint.flavor === 'cdk'
        ? `// or key on each query string the handler reads (optional: false)\nrequestParameters: { 'method.request.querystring.<name>': false },\n// integration options:\ncacheKeyParameters: ['method.request.querystring.<name>'],`
        : `# or key on each query string the handler reads (optional: false)\nRequestParameters:\n  method.request.querystring.<name>: false\nIntegration:\n  CacheKeyParameters:\n    - method.request.querystring.<name>`;
    const where = endpoint.flavor === 'cdk' ? `cacheKeyParameters of the ${method} ${path} integration` : 'Integration.CacheKeyParameters';
    return {
        summary: tokenLike
            ? `Stop caching ${method} ${path} (CachingEnabled: false for it): a token's answer is for one caller. If some responses are shared, list every query string the handler reads in ${where} instead.`
            : `If the handler reads query strings, list each in ${where} (declared optional), or stop caching ${method} ${path}.`,
        snippet: `${pin}\n${keyIt}`,
    };
}
function iamRemediation(endpoint, cached) {
    const { path, method } = (0, helpers_1.apiPathAndMethod)(endpoint);
    const where = endpoint.flavor === 'cdk' ? `cacheKeyParameters of the ${method} ${path} integration` : 'Integration.CacheKeyParameters';
    return {
        summary: `Never key on the SigV4 Authorization header (a 0 % hit rate). If responses differ per caller, stop caching ${method} ${path}, or have callers send a header that identifies them and list it in ${where}.`,
        snippet: pinOffSnippet(endpoint, cached),
    };
}
function kongRemediation(endpoint, layer, consumerless) {
    const ref = (0, helpers_1.kongPluginRef)(layer);
    const consumer = consumerless.length
        ? `${(0, helpers_1.joinAnd)(consumerless)} sets no consumer, so key on its credential (config.vary_headers: [Authorization]) or map a consumer (openid-connect consumer_claim, mtls-auth skip_consumer_lookup: false)`
        : 'add an auth plugin that maps a consumer to the route (the key then includes it), or key on the header that identifies callers: config.vary_headers: [Authorization]';
    return {
        summary: `On ${ref}: ${consumer}; or set config.cache_control: true so requests carrying Authorization bypass the cache.`,
        snippet: (0, helpers_1.kongConfigSnippet)(endpoint.flavor, layer.details?.plugin ?? 'proxy-cache', ['vary_headers: [Authorization]', 'cache_control: true']),
    };
}
/**
 * CloudFront: the cache policy's cookie / header / query string settings, keeping what the key already holds. A managed
 * policy cannot be edited: the fix is the user's own policy (or CachingDisabled with the origin request policy kept).
 */
function cloudFrontRemediation(endpoint, layer, add) {
    const key = layer.key.known ? layer.key.value : [];
    const names = (part) => [
        ...new Set([...key, ...add]
            .filter((k) => k.startsWith(`${part}:`))
            .map((k) => k.slice(part.length + 1))
            .filter((n) => !n.includes(' '))),
    ];
    const adds = (part) => add.some((a) => a.startsWith(`${part}:`));
    const parts = ['header', 'cookie', 'querystring'].filter((p) => adds(p) || names(p).length);
    const managed = layer.details?.policyId !== undefined;
    const perCaller = add.some(model_1.carriesIdentity) || (layer.identityNotKeyed?.length ?? 0) > 0;
    const what = describeForwarded(add);
    if (endpoint.flavor === 'cdk') {
        const behaviour = (part, cls) => {
            const n = names(part);
            return n.includes('*') ? `${cls}.all()` : `${cls}.allowList(${n.map((x) => `'${x}'`).join(', ')})`;
        };
        const lines = parts.map((p) => p === 'header'
            ? `  headerBehavior: ${behaviour('header', 'CacheHeaderBehavior').replace('CacheHeaderBehavior.all()', "CacheHeaderBehavior.allowList('<each header the origin reads>')")},`
            : p === 'cookie'
                ? `  cookieBehavior: ${behaviour('cookie', 'CacheCookieBehavior')},`
                : `  queryStringBehavior: ${behaviour('querystring', 'CacheQueryStringBehavior')},`);
        return {
            summary: `Give this behaviour a CachePolicy whose key includes ${what}${perCaller ? ', or use cachePolicy: CachePolicy.CACHING_DISABLED if responses are per caller (keep the originRequestPolicy so the origin still receives them)' : ''}.`,
            snippet: `const apiCachePolicy = new CachePolicy(this, 'ApiCachePolicy', {\n${lines.join('\n')}\n});\n// on the behaviour:\ncachePolicy: apiCachePolicy,`,
        };
    }
    const cfg = (part) => {
        const n = names(part);
        const [block, beh, list, all] = part === 'header'
            ? ['HeadersConfig', 'HeaderBehavior', 'Headers', '<each header the origin reads>']
            : part === 'cookie'
                ? ['CookiesConfig', 'CookieBehavior', 'Cookies', '']
                : ['QueryStringsConfig', 'QueryStringBehavior', 'QueryStrings', ''];
        if (n.includes('*') && part !== 'header')
            return `    ${block}:\n      ${beh}: all`;
        const listed = n.includes('*') ? [all] : n;
        return `    ${block}:\n      ${beh}: whitelist\n      ${list}: [${listed.join(', ')}]`;
    };
    const target = managed
        ? `${layer.details?.policy ?? 'This managed policy'} cannot be changed: point CachePolicyId at your own AWS::CloudFront::CachePolicy whose key includes ${what}`
        : `In ${layer.name}: add ${what} to CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin`;
    return {
        summary: `${target}${perCaller ? `; or, if responses are per caller, use CachePolicyId: ${helpers_1.CACHING_DISABLED_ID} (Managed-CachingDisabled) and keep the OriginRequestPolicyId so the origin still receives them` : ''}.`,
        snippet: `CachePolicyConfig:\n  ParametersInCacheKeyAndForwardedToOrigin:\n${parts.map(cfg).join('\n')}`,
    };
}
/** What a shared setting caches of the reads, the same words for every route it serves. */
function settingReads(layer, cached) {
    return layer.cachedMethods.known ? layer.cachedMethods.value.filter((m) => !(0, model_1.isUnsafe)(m)).join('/') || cached.join('/') : cached.join('/');
}
