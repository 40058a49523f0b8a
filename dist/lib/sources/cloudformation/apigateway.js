"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatValue = void 0;
exports.normaliseMethod = normaliseMethod;
exports.joinPath = joinPath;
exports.selectingParams = selectingParams;
exports.collectRestApis = collectRestApis;
exports.apiFor = apiFor;
exports.markIncomplete = markIncomplete;
exports.integrationNoStore = integrationNoStore;
exports.readOpenApi = readOpenApi;
exports.collectStages = collectStages;
exports.readStage = readStage;
exports.parseSettingKey = parseSettingKey;
exports.apiEndpoints = apiEndpoints;
const model_1 = require("../../model");
const intrinsics_1 = require("./intrinsics");
Object.defineProperty(exports, "formatValue", { enumerable: true, get: function () { return intrinsics_1.formatValue; } });
const template_1 = require("./template");
const VERBS = new Set([...model_1.ALL_METHODS, 'ANY']);
const DEFAULT_TTL = 300;
const STAGE_WIDE_CAVEAT = 'Stage-wide (*/*) caching is read as GET-only (AWS caching guide, docs/platforms/api-gateway.md#stage-wide-caching); runtime behaviour for other methods is UNCONFIRMED';
const ANY_CAVEAT = 'How caching treats requests routed through an ANY method is UNCONFIRMED (docs/platforms/api-gateway.md#any-and-proxy)';
function normaliseMethod(m) {
    const up = m.trim().toUpperCase();
    if (up === 'X-AMAZON-APIGATEWAY-ANY-METHOD')
        return 'ANY';
    return VERBS.has(up) ? up : undefined;
}
function joinPath(parent, part) {
    return parent === '/' ? `/${part}` : `${parent}/${part}`;
}
/** Path and query parameters a method's response depends on: `{id}` → method.request.path.id, `{proxy+}` → ...path.proxy. */
function selectingParams(method) {
    const out = new Set();
    for (const m of method.path.matchAll(/\{([^}+]+)\+?\}/g))
        out.add(`method.request.path.${m[1]}`);
    for (const p of method.requestParams)
        if (/^method\.request\.(path|querystring|multivaluequerystring)\./.test(p))
            out.add(p);
    return [...out];
}
function resolved(r) {
    return r.known ? r.value : undefined;
}
/** Reads AWS::ApiGateway::RestApi / Resource / Method / Authorizer resources and inline OpenAPI bodies. */
function collectRestApis(reader, apis) {
    for (const [id, res] of reader.ofType('AWS::ApiGateway::RestApi')) {
        const api = { id, at: reader.resourceAt(id), methods: [], complete: true, stages: [] };
        apis.set(id, api);
        const props = res.Properties ?? {};
        if (props.Body !== undefined)
            readOpenApi(reader, api, ['Resources', id, 'Properties', 'Body'], { integrationDefault: undefined });
        else if (props.BodyS3Location !== undefined)
            markIncomplete(api, 'its OpenAPI definition is in S3 (BodyS3Location)');
        else if (props.CloneFrom !== undefined)
            markIncomplete(api, 'it is cloned from another API (CloneFrom)');
    }
    // Resource tree: PathPart chains up to GetAtt <Api>.RootResourceId.
    const resourcePaths = new Map();
    const resourceDefs = new Map(reader.ofType('AWS::ApiGateway::Resource'));
    const pathOf = (resId, seen = new Set()) => {
        if (resourcePaths.has(resId))
            return resourcePaths.get(resId);
        const def = resourceDefs.get(resId);
        if (!def || seen.has(resId))
            return undefined;
        seen.add(resId);
        const part = resolved((0, intrinsics_1.asString)(reader.resolver.resolve(def.Properties?.PathPart)));
        const parent = parentPath(def.Properties?.ParentId, seen);
        const p = part !== undefined && parent !== undefined ? joinPath(parent, part) : undefined;
        resourcePaths.set(resId, p);
        return p;
    };
    const parentPath = (ref, seen) => {
        const r = ref;
        if (r && typeof r === 'object') {
            if (typeof r.Ref === 'string')
                return pathOf(r.Ref, seen);
            const ga = r['Fn::GetAtt'];
            const parts = Array.isArray(ga) ? ga : typeof ga === 'string' ? ga.split('.') : undefined;
            if (parts && parts[1] === 'RootResourceId')
                return '/';
            // `!Sub ${Api.RootResourceId}` / `!Sub ${Parent}`: the same references written as a Sub.
            const sub = typeof r['Fn::Sub'] === 'string' ? /^\$\{([^}.!]+)(\.RootResourceId)?\}$/.exec(r['Fn::Sub'].trim()) : null;
            if (sub)
                return sub[2] ? '/' : pathOf(sub[1], seen);
        }
        return undefined;
    };
    const apiOf = (ref) => apiFor(reader, apis, ref);
    for (const [resId, def] of resourceDefs) {
        const api = apiOf(def.Properties?.RestApiId);
        if (api && pathOf(resId) === undefined)
            markIncomplete(api, `the path of resource ${resId} cannot be resolved`);
    }
    const authorizers = new Map(reader.ofType('AWS::ApiGateway::Authorizer'));
    for (const [id, def] of reader.ofType('AWS::ApiGateway::Method')) {
        const base = ['Resources', id, 'Properties'];
        const props = def.Properties ?? {};
        const api = apiOf(props.RestApiId);
        if (!api)
            continue; // an API from another stack: its stages are not here either
        const path = parentPath(props.ResourceId, new Set());
        const verb = (0, intrinsics_1.asString)(reader.resolver.resolve(props.HttpMethod));
        const httpMethod = verb.known ? normaliseMethod(verb.value) : undefined;
        if (path === undefined || !httpMethod) {
            const why = `the ${path === undefined ? 'resource path' : 'HTTP method'} of ${id} cannot be resolved${verb.known ? '' : `: ${verb.why}`}`;
            markIncomplete(api, why);
            (api.unresolvedMethods ??= []).push({ id, why, at: reader.at(path === undefined ? [...base, 'ResourceId'] : [...base, 'HttpMethod']) });
            continue;
        }
        const authType = reader.value([...base, 'AuthorizationType'], intrinsics_1.asString) ?? (0, model_1.known)('NONE');
        const apiKey = reader.value([...base, 'ApiKeyRequired'], intrinsics_1.asBoolean);
        const identity = [];
        const identitySources = [];
        if (!authType.known || authType.value.toUpperCase() !== 'NONE')
            identity.push(authType.known ? authType.value : 'authorizer');
        if (apiKey?.known && apiKey.value)
            identity.push('api-key');
        const authorizerRef = props.AuthorizerId?.Ref;
        if (typeof authorizerRef === 'string') {
            const src = resolved((0, intrinsics_1.asString)(reader.resolver.resolve(authorizers.get(authorizerRef)?.Properties?.IdentitySource)));
            if (src)
                identitySources.push(...src.split(',').map((s) => s.trim()).filter(Boolean));
        }
        const declared = reader.obj([...base, 'RequestParameters'])?.value ?? {};
        const requestRequired = {};
        for (const [k, v] of Object.entries(declared)) {
            const b = (0, intrinsics_1.asBoolean)(reader.resolver.resolve(v));
            if (b.known)
                requestRequired[k] = b.value;
        }
        const integration = reader.obj([...base, 'Integration']);
        const integrationType = integration ? resolved((0, intrinsics_1.asString)(reader.resolver.resolve(integration.value.Type)))?.toUpperCase() : undefined;
        const cacheKey = integration ? reader.value([...integration.path, 'CacheKeyParameters'], (r) => stringList(reader, r)) : undefined;
        const method = {
            path,
            httpMethod,
            at: reader.resourceAt(id),
            logicalId: id,
            identity,
            authenticated: authType.known ? (0, model_1.known)(authType.value.toUpperCase() !== 'NONE') : authType,
            identitySources,
            authorizationType: authType.known && authType.value.toUpperCase() !== 'NONE' ? authType.value.toUpperCase() : undefined,
            requestParams: Object.keys(declared),
            requestRequired,
            cacheKey: cacheKey ?? (0, model_1.known)([]),
            integrationParams: stringMap(reader, integration ? [...integration.path, 'RequestParameters'] : undefined),
            integrationType,
            noStore: integrationNoStore(reader, integration?.path, integrationType, 'IntegrationResponses', 'ResponseParameters'),
        };
        api.methods.push(method);
    }
}
/**
 * The API a RestApiId points at. An API defined elsewhere (a parameter, Fn::ImportValue, a literal id) becomes an
 * incomplete API of its own, so a Stage of this template that caches a write on it is still judged.
 */
function apiFor(reader, apis, ref) {
    if (ref === undefined || ref === null)
        return undefined;
    const name = apiName(ref);
    if (name !== undefined && apis.has(name))
        return apis.get(name);
    const type = name !== undefined ? reader.typeOf(name) : undefined;
    if (type && type !== 'AWS::ApiGateway::RestApi')
        return undefined; // a Ref to some other resource type: not a REST API
    const key = name ?? `external ${(0, intrinsics_1.formatValue)(ref)}`;
    let api = apis.get(key);
    if (!api) {
        api = { id: key, at: reader.at(name && reader.raw(['Parameters', name]) !== undefined ? ['Parameters', name] : ['Resources']), methods: [], complete: false, incompleteWhy: `the API is defined outside this template (RestApiId: ${name ? `Ref ${name}` : (0, intrinsics_1.formatValue)(ref)})`, stages: [] };
        apis.set(key, api);
    }
    return api;
}
/** The logical id in `!Ref Api`, `!GetAtt Api.RestApiId` or `!Sub ${Api}` (all give the API id). */
function apiName(ref) {
    if (!ref || typeof ref !== 'object' || Array.isArray(ref))
        return undefined;
    const r = ref;
    if (typeof r.Ref === 'string')
        return r.Ref;
    const ga = r['Fn::GetAtt'];
    const parts = Array.isArray(ga) ? ga : typeof ga === 'string' ? ga.split('.') : undefined;
    if (parts && parts.length === 2 && parts[1] === 'RestApiId' && typeof parts[0] === 'string')
        return parts[0];
    const sub = typeof r['Fn::Sub'] === 'string' ? /^\$\{([^}.!]+)(\.RestApiId)?\}$/.exec(r['Fn::Sub'].trim()) : null;
    return sub ? sub[1] : undefined;
}
function markIncomplete(api, why) {
    if (api.complete)
        api.incompleteWhy = why;
    api.complete = false;
}
function stringList(reader, r) {
    if (!r.known)
        return r;
    const l = reader.resolver.list(r.value);
    if (!l.known)
        return l;
    return { known: true, value: l.value.map(String) };
}
function stringMap(reader, path) {
    const out = {};
    if (!path)
        return out;
    for (const [key, v] of Object.entries(reader.obj(path)?.value ?? {})) {
        const s = resolved((0, intrinsics_1.asString)(reader.resolver.resolve(v)));
        if (s !== undefined)
            out[key] = s;
    }
    return out;
}
/**
 * `Cache-Control: no-store` mapped in an integration response (§1.12). Proxy integrations cannot map headers:
 * known(undefined) there, and the endpoint says noStoreSettable: false.
 */
function integrationNoStore(reader, integrationPath, type, responsesKey, paramsKey) {
    if (!integrationPath || (type && type.endsWith('_PROXY')))
        return (0, model_1.known)(undefined);
    const responses = reader.node([...integrationPath, responsesKey]);
    if (!responses || !('value' in responses) || !responses.value || typeof responses.value !== 'object')
        return (0, model_1.known)(undefined);
    const keys = Array.isArray(responses.value) ? responses.value.map((_, i) => i) : Object.keys(responses.value);
    for (const key of keys) {
        const params = reader.obj([...responses.path, key, paramsKey]);
        if (!params)
            continue;
        for (const [name, v] of Object.entries(params.value)) {
            if (name.toLowerCase() !== 'method.response.header.cache-control')
                continue;
            const at = reader.at([...params.path, name]);
            const s = (0, intrinsics_1.asString)(reader.resolver.resolve(v));
            if (!s.known)
                return (0, model_1.unknown)(s.why, at);
            if (/no-store/i.test(s.value) && /^'.*'$/.test(s.value.trim()))
                return (0, model_1.known)({ cacheControl: s.value.trim().slice(1, -1), at, source: 'integration response mapping' });
        }
    }
    return (0, model_1.known)(undefined);
}
/** Methods of an inline OpenAPI/Swagger body with x-amazon-apigateway-integration (§1.8). */
function readOpenApi(reader, api, bodyPath, _options) {
    const body = reader.node(bodyPath);
    if (!body)
        return;
    if (!('value' in body))
        return markIncomplete(api, `its OpenAPI body cannot be resolved: ${body.unresolved.why}`);
    if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value))
        return markIncomplete(api, 'its OpenAPI body is not an object');
    const root = body.value;
    const paths = reader.obj([...body.path, 'paths']);
    if (!paths)
        return markIncomplete(api, 'its OpenAPI body has no resolvable paths');
    const components = root.components;
    const schemes = (components?.securitySchemes ?? root.securityDefinitions ?? {});
    for (const [path, item] of Object.entries(paths.value)) {
        if (!item || typeof item !== 'object' || Array.isArray(item))
            continue;
        const itemParams = Array.isArray(item.parameters) ? item.parameters : [];
        for (const [key, op] of Object.entries(item)) {
            const httpMethod = normaliseMethod(key);
            if (!httpMethod || !op || typeof op !== 'object')
                continue;
            const opPath = [...paths.path, path, key];
            const o = op;
            const params = [...itemParams, ...(Array.isArray(o.parameters) ? o.parameters : [])];
            const requestParams = [];
            const requestRequired = {};
            for (const p of params) {
                if (!p || typeof p !== 'object')
                    continue;
                const { name, in: where, required } = p;
                if (typeof name !== 'string' || typeof where !== 'string')
                    continue;
                const kind = where === 'query' ? 'querystring' : where;
                requestParams.push(`method.request.${kind}.${name}`);
                requestRequired[`method.request.${kind}.${name}`] = where === 'path' || required === true;
            }
            const auth = openApiAuth(o.security !== undefined ? o.security : root.security, schemes);
            const integration = reader.obj([...opPath, 'x-amazon-apigateway-integration']);
            const type = integration ? resolved((0, intrinsics_1.asString)(reader.resolver.resolve(integration.value.type)))?.toUpperCase() : undefined;
            const cacheKey = integration ? reader.value([...integration.path, 'cacheKeyParameters'], (r) => stringList(reader, r)) : undefined;
            api.methods.push({
                path,
                httpMethod,
                at: reader.at(opPath),
                logicalId: api.id,
                identity: auth.identity,
                authenticated: (0, model_1.known)(auth.type !== undefined),
                identitySources: auth.sources,
                authorizationType: auth.type,
                requestParams,
                requestRequired,
                cacheKey: cacheKey ?? (0, model_1.known)([]),
                integrationParams: stringMap(reader, integration ? [...integration.path, 'requestParameters'] : undefined),
                integrationType: type,
                noStore: integrationNoStore(reader, integration?.path, type, 'responses', 'responseParameters'),
            });
        }
    }
}
/**
 * What an OpenAPI `security` requirement puts in front of the method, read from its security schemes: SigV4
 * (`x-amazon-apigateway-authtype: awsSigv4`), an authorizer (`x-amazon-apigateway-authorizer` with its
 * `identitySource`, else the apiKey header it names), or an API key alone (`x-api-key`: a usage-plan key, not a caller
 * whose responses differ). An unknown scheme is auth with an unknown identity source.
 */
function openApiAuth(security, schemes) {
    const names = Array.isArray(security) ? security.flatMap((x) => (x && typeof x === 'object' ? Object.keys(x) : [])) : [];
    let type;
    const sources = [];
    const identity = [];
    for (const name of names) {
        const scheme = (Object.hasOwn(schemes, name) ? schemes[name] : undefined);
        const authtype = typeof scheme?.['x-amazon-apigateway-authtype'] === 'string' ? scheme['x-amazon-apigateway-authtype'].toLowerCase() : '';
        const authorizer = scheme?.['x-amazon-apigateway-authorizer'];
        const header = scheme?.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string' ? scheme.name : undefined;
        if (authtype === 'awssigv4' || authtype === 'aws_iam') {
            type ??= 'AWS_IAM';
            identity.push(name);
        }
        else if (authorizer && typeof authorizer === 'object') {
            type = String(authorizer.type ?? '').toLowerCase() === 'cognito_user_pools' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
            identity.push(name);
            if (typeof authorizer.identitySource === 'string')
                sources.push(...authorizer.identitySource.split(',').map((x) => x.trim()).filter(Boolean));
            else if (header)
                sources.push(`method.request.header.${header}`);
        }
        else if (header && header.toLowerCase() === 'x-api-key') {
            identity.push('api-key');
        }
        else {
            type ??= 'CUSTOM';
            identity.push(name);
        }
    }
    return { type, sources, identity };
}
/** AWS::ApiGateway::Stage and AWS::ApiGateway::Deployment (StageName / StageDescription). */
function collectStages(reader, apis) {
    const apiOf = (ref) => apiFor(reader, apis, ref);
    for (const [id, def] of reader.ofType('AWS::ApiGateway::Stage')) {
        const api = apiOf(def.Properties?.RestApiId);
        if (!api)
            continue;
        const base = ['Resources', id, 'Properties'];
        api.stages.push(readStage(reader, id, base, reader.value([...base, 'StageName'], intrinsics_1.asString) ?? (0, model_1.known)(id), {
            cluster: reader.value([...base, 'CacheClusterEnabled'], intrinsics_1.asBoolean) ?? clusterFromSize(reader, [...base, 'CacheClusterSize']),
        }));
    }
    for (const [id, def] of reader.ofType('AWS::ApiGateway::Deployment')) {
        const api = apiOf(def.Properties?.RestApiId);
        if (!api)
            continue;
        const base = ['Resources', id, 'Properties'];
        const stageName = reader.value([...base, 'StageName'], intrinsics_1.asString);
        const description = reader.obj([...base, 'StageDescription']);
        if (!stageName && !description)
            continue; // a deployment that a Stage resource points at
        const d = description?.path ?? [...base, 'StageDescription'];
        const stage = readStage(reader, id, d, stageName ?? (0, model_1.known)('(unnamed)'), {
            cluster: description ? reader.value([...d, 'CacheClusterEnabled'], intrinsics_1.asBoolean) ?? clusterFromSize(reader, [...d, 'CacheClusterSize']) : (0, model_1.known)(false),
        });
        if (description) {
            const caching = reader.value([...d, 'CachingEnabled'], intrinsics_1.asBoolean);
            if (caching)
                stage.descriptionCaching = { caching, ttl: reader.value([...d, 'CacheTtlInSeconds'], intrinsics_1.asNumber), at: reader.at([...d, 'CachingEnabled']) };
        }
        api.stages.push(stage);
    }
}
/** CacheClusterSize alone does not enable the cluster in CloudFormation (CDK sets both). */
function clusterFromSize(_reader, _path) {
    return (0, model_1.known)(false);
}
function readStage(reader, resource, base, stageName, opts, extraSettings = []) {
    const stage = { resource, stageName, at: reader.resourceAt(resource), cluster: opts.cluster, settings: [] };
    // Pins are appended to the stage's own MethodSettings (not SAM Globals'), unless it is written as an expression.
    const listPath = [...base, 'MethodSettings'];
    const listRaw = reader.raw(listPath);
    if (listRaw === undefined || Array.isArray(listRaw))
        stage.settingsFixPath = reader.valuePath(listPath);
    const items = [...reader.items([...base, 'MethodSettings']), ...extraSettings];
    for (const item of items) {
        const at = reader.at(item.path);
        if (item.unresolved !== undefined) {
            // A whole MethodSetting we cannot read: which method it caches is unknown.
            reader.facts.push(unresolvedSettingFact(reader, resource, item, at, `The MethodSetting on stage ${resource} cannot be resolved: ${item.unresolved}; whether it caches a write method is unknown.`));
            continue;
        }
        if (!item.value || typeof item.value !== 'object')
            continue;
        const rawPath = reader.value([...item.path, 'ResourcePath'], intrinsics_1.asString);
        const rawMethod = reader.value([...item.path, 'HttpMethod'], intrinsics_1.asString);
        let caching = reader.value([...item.path, 'CachingEnabled'], intrinsics_1.asBoolean);
        let ttl = reader.value([...item.path, 'CacheTtlInSeconds'], intrinsics_1.asNumber);
        if (!rawPath?.known || !rawMethod?.known) {
            const v = !rawPath ? undefined : !rawPath.known ? rawPath : rawMethod && !rawMethod.known ? rawMethod : undefined;
            if ((caching || ttl) && v && !v.known)
                reader.facts.push(unresolvedSettingFact(reader, resource, item, v.at, `The MethodSetting's ${!rawPath?.known ? 'ResourcePath' : 'HttpMethod'} on stage ${resource} cannot be resolved: ${v.why}; which method it caches is unknown.`));
            continue;
        }
        if (item.condition) {
            // A MethodSetting inside an unresolvable Fn::If: what it decides holds for one deploy only, so it is unknown.
            const c = effectiveCaching(caching, ttl);
            if (c?.known) {
                const why = `MethodSetting ${rawPath.value} ${rawMethod.value} (${c.value ? 'CachingEnabled: true' : 'caching off'}): ${(0, template_1.branchWhy)(item.condition)}`;
                caching = (0, model_1.unknown)(why, at);
                if (ttl?.known && ttl.value === 0)
                    ttl = (0, model_1.unknown)(why, at);
            }
        }
        stage.settings.push({
            ...parseSettingKey(rawPath.value, rawMethod.value),
            caching,
            ttl,
            at,
            rawPath: rawPath.value,
            rawMethod: rawMethod.value,
            condition: item.condition,
            fixPath: item.condition ? undefined : reader.valuePath(item.path),
        });
    }
    return stage;
}
function unresolvedSettingFact(reader, resource, item, at, message) {
    return {
        kind: 'unresolved-setting',
        resource,
        route: 'MethodSetting',
        findingId: `MethodSettings[${String(item.path[item.path.length - 1])}]`,
        at,
        message,
        blocks: ['CL001', 'CL008'],
        flavor: reader.flavor,
        platform: 'apigateway',
    };
}
/** Normalises a MethodSetting key (§1.2): `/*` + `*` → stage-wide; `/~1a~1{id}` → `/a/{id}`; `/` → root. */
function parseSettingKey(rawPath, rawMethod) {
    const methodUp = rawMethod.trim().toUpperCase();
    const method = methodUp === '*' ? '*' : VERBS.has(methodUp) ? methodUp : undefined;
    const p = rawPath.trim();
    if (p === '/*')
        return { path: '*', method };
    if (!p.startsWith('/') || p.includes('*'))
        return { method };
    if (p === '/')
        return { path: '/', method };
    const rest = p.slice(1);
    if (rest.startsWith('~1'))
        return { path: rest.replace(/~1/g, '/'), method };
    // `/orders`: AWS's own Stage example uses it; whether API Gateway reads it as /~1orders is UNCONFIRMED.
    return { path: '/' + rest.replace(/~1/g, '/'), method, unencoded: true };
}
const ENCODE = (path) => (path === '/' ? '/' : '/' + path.replace(/\//g, '~1'));
/** Endpoints of every API and stage; CL008/CL006 facts for settings that match nothing or cannot be read. */
function apiEndpoints(reader, apis) {
    const byApi = new Map();
    for (const api of apis.values()) {
        const list = [];
        byApi.set(api.id, list);
        if (api.stages.length === 0) {
            for (const m of api.methods)
                list.push({ stageName: (0, model_1.known)(''), endpoint: endpointFor(reader, api, undefined, m) });
            continue;
        }
        for (const stage of api.stages) {
            checkSettings(reader, api, stage);
            const methods = [...api.methods];
            // Methods we cannot see (API body elsewhere): explicit settings that cache a write still say enough.
            if (!api.complete) {
                for (const s of stage.settings) {
                    if (!s.path || s.path === '*' || !s.method || s.method === '*')
                        continue;
                    if (methods.some((m) => m.path === s.path && (m.httpMethod === s.method || m.httpMethod === 'ANY')))
                        continue;
                    if (!(s.caching && (!s.caching.known || s.caching.value)))
                        continue;
                    if (s.method !== 'ANY' && !model_1.UNSAFE_METHODS.includes(s.method))
                        continue; // reads: the stage fact covers them
                    methods.push(syntheticMethod(s, api));
                }
            }
            for (const m of methods)
                list.push({ stageName: stage.stageName, endpoint: endpointFor(reader, api, stage, m) });
            if (stageCachesAnything(stage))
                for (const u of api.unresolvedMethods ?? [])
                    reader.facts.push({
                        kind: 'unresolved-setting',
                        resource: stage.resource,
                        route: `method ${u.id}`,
                        findingId: `method:${u.id}`,
                        at: u.at,
                        message: `Stage ${stageLabel(stage)} ${stageSurelyCaches(stage) ? 'caches' : 'may cache'}, and ${u.why}: whether its cache stores this method's responses is unknown.`,
                        blocks: ['CL001', 'CL004', 'CL007'],
                        flavor: reader.flavor,
                        platform: 'apigateway',
                    });
            if (!api.complete && stageWide(stage)?.on !== false && stageCachesAnything(stage) && api.methods.length === 0) {
                reader.facts.push({
                    kind: 'unresolved-setting',
                    resource: stage.resource,
                    route: `stage ${stageLabel(stage)}`,
                    findingId: 'stage',
                    at: stage.at,
                    message: `Stage ${stageLabel(stage)} ${stageSurelyCaches(stage) ? 'has caching on' : 'may cache'}, but the methods of API ${api.id} are not in this template (${api.incompleteWhy}): cachelint cannot tell which methods and keys the cache applies to.`,
                    blocks: ['CL004', 'CL007'],
                    flavor: reader.flavor,
                    platform: 'apigateway',
                });
            }
        }
    }
    return byApi;
}
/** A write method known only from its MethodSetting (the API body is elsewhere): its key and auth are unknown. */
function syntheticMethod(s, api) {
    const why = `the methods of API ${api.id} are not in this template (${api.incompleteWhy})`;
    return {
        path: s.path,
        httpMethod: s.method,
        at: s.at,
        logicalId: api.id,
        identity: [],
        authenticated: (0, model_1.known)(false),
        identitySources: [],
        requestParams: [],
        cacheKey: (0, model_1.unknown)(why, s.at),
        integrationParams: {},
        noStore: (0, model_1.unknown)(why, s.at),
    };
}
function stageLabel(stage) {
    return stage.stageName.known ? stage.stageName.value : stage.resource;
}
/** Whether the stage may cache anything: a cluster not known off, and a caching setting on or not known off. */
function stageCachesAnything(stage) {
    if (stage.cluster.known && !stage.cluster.value)
        return false;
    const on = (c) => !!c && (!c.known || c.value);
    return stage.settings.some((s) => on(s.caching)) || on(stage.descriptionCaching?.caching);
}
/** Whether the stage certainly caches: a cluster and a caching setting both known on (messages say "may" otherwise). */
function stageSurelyCaches(stage) {
    const sure = (c) => !!c && c.known && c.value;
    return stage.cluster.known && stage.cluster.value && (stage.settings.some((s) => sure(s.caching)) || sure(stage.descriptionCaching?.caching));
}
// Per-API and per-stage indexes (built once, after collection): large APIs stay linear instead of methods × settings.
const methodIndex = new WeakMap();
const settingIndex = new WeakMap();
const stageWideCache = new WeakMap();
function methodsOn(api, path) {
    let idx = methodIndex.get(api);
    if (!idx || idx.count !== api.methods.length) {
        idx = { count: api.methods.length, byPath: groupBy(api.methods, (m) => m.path) };
        methodIndex.set(api, idx);
    }
    return idx.byPath.get(path) ?? [];
}
function settingsOn(stage, path) {
    let idx = settingIndex.get(stage);
    if (!idx || idx.count !== stage.settings.length) {
        idx = { count: stage.settings.length, byPath: groupBy(stage.settings, (s) => s.path ?? '') };
        settingIndex.set(stage, idx);
    }
    return idx.byPath.get(path) ?? [];
}
function groupBy(items, key) {
    const out = new Map();
    for (const item of items) {
        const k = key(item);
        const list = out.get(k);
        if (list)
            list.push(item);
        else
            out.set(k, [item]);
    }
    return out;
}
function stageWide(stage) {
    const cached = stageWideCache.get(stage);
    if (cached && cached.count === stage.settings.length)
        return cached.value;
    const value = computeStageWide(stage);
    stageWideCache.set(stage, { count: stage.settings.length, value });
    return value;
}
function computeStageWide(stage) {
    const entries = stage.settings.filter((s) => s.path === '*' && s.method === '*' && (s.caching || s.ttl));
    const candidates = [...entries];
    if (stage.descriptionCaching)
        candidates.push({ ...stage.descriptionCaching, fromDescription: true });
    if (candidates.length === 0)
        return undefined;
    let unknownValue;
    for (const c of candidates) {
        const on = effectiveCaching(c.caching, c.ttl);
        if (on === undefined)
            continue;
        if (!on.known)
            unknownValue ??= on;
        else if (on.value) {
            const caveats = [STAGE_WIDE_CAVEAT];
            if (c.fromDescription)
                caveats.push('That StageDescription.CachingEnabled is stored as the */* entry is UNCONFIRMED (docs/platforms/api-gateway.md#deployment-stagedescription)');
            return { on: true, ttl: c.ttl, at: c.at, caveats };
        }
    }
    if (unknownValue)
        return { on: undefined, why: unknownValue, at: candidates[0].at, caveats: [STAGE_WIDE_CAVEAT] };
    return { on: false, at: candidates[0].at, caveats: [] };
}
/** CachingEnabled combined with TTL (TTL 0 disables caching); undefined when the entry does not say. */
function effectiveCaching(caching, ttl) {
    if (ttl?.known && ttl.value === 0)
        return (0, model_1.known)(false);
    return caching;
}
/** CL008: settings that match nothing; duplicates; the unencoded form. Returns nothing: facts go to the reader. */
function checkSettings(reader, api, stage) {
    if (stage.cluster.known && !stage.cluster.value)
        return; // nothing is cached on this stage: the settings decide nothing
    const seen = new Map();
    for (const s of stage.settings) {
        const touchesCache = s.caching !== undefined || s.ttl !== undefined;
        const fact = (kind, message, fix) => reader.facts.push({
            kind,
            resource: stage.resource,
            route: `${s.rawMethod} ${s.rawPath}`,
            findingId: settingFindingId(s),
            at: s.at,
            message,
            fix: fix ? { summary: fix, snippet: settingSnippet(s, reader.flavor) } : undefined,
            flavor: reader.flavor,
            platform: 'apigateway',
        });
        if (!touchesCache)
            continue;
        const what = `MethodSetting ResourcePath: ${s.rawPath}, HttpMethod: ${s.rawMethod} on stage ${stageLabel(stage)}`;
        if (!s.method) {
            fact('ineffective-method-setting', `${what} matches nothing: ${s.rawMethod} is not an HTTP method API Gateway knows.`, 'Use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, ANY or * (with ResourcePath /*).');
            continue;
        }
        if (s.path === undefined) {
            fact('ineffective-method-setting', `${what} matches nothing: the only wildcard is ResourcePath /* with HttpMethod *, and a resource path must start with / followed by the path with each / written as ~1 (/~1orders~1{id}).`, 'Write the resource path as /~1<path with ~1 for each slash> with the verb, or /* with *.');
            continue;
        }
        if (s.path === '*' && s.method !== '*') {
            fact('ineffective-method-setting', `${what} matches nothing: ResourcePath /* only works with HttpMethod * (SAM #579, #1518), so this ${describe(s)} has no effect.`, 'Name the resource: ResourcePath /~1<path> with this HttpMethod, once per resource (or use /* with * for the whole stage).');
            continue;
        }
        if (s.unencoded)
            fact('ambiguous-setting', `${what}: AWS documents the resource path encoded, each / after the first written ~1 (${ENCODE(s.path)}); whether API Gateway matches the unencoded form is UNCONFIRMED (docs/platforms/api-gateway.md#method-settings). cachelint reads it as the resource ${s.path}.`, `Write ResourcePath: ${ENCODE(s.path)}.`);
        else if (s.path !== '*' && s.method === '*')
            fact('ambiguous-setting', `${what}: a specific path with HttpMethod * is not a documented form (docs/platforms/api-gateway.md#method-settings); cachelint reads it as GET-only caching for ${s.path}, like */*.`, 'Name each method: one MethodSetting per HttpMethod on this ResourcePath.');
        if (s.path !== '*' && s.method !== '*' && api.complete && api.methods.length > 0) {
            const onPath = methodsOn(api, s.path);
            const has = onPath.some((m) => m.httpMethod === s.method || m.httpMethod === 'ANY');
            if (!has) {
                const methods = onPath.map((m) => m.httpMethod);
                fact('ineffective-method-setting', `${what} matches nothing: API ${api.id} has ${methods.length ? `only ${methods.join(', ')} on ${s.path}` : `no resource ${s.path}`}, so this ${describe(s)} has no effect.`, 'Point the setting at a resource path and method the API has (ResourcePath /~1<path>, encoded).');
            }
        }
        const key = `${s.path} ${s.method}`;
        const prev = seen.get(key);
        const exclusive = prev?.condition && s.condition && prev.condition.name === s.condition.name && prev.condition.branch !== s.condition.branch;
        if (prev && !exclusive) {
            const a = effectiveCaching(prev.caching, prev.ttl);
            const b = effectiveCaching(s.caching, s.ttl);
            const differ = !a || !b || !a.known || !b.known || a.value !== b.value;
            fact('ambiguous-setting', `${what} duplicates the entry at line ${prev.at.line}${differ ? ' with a different caching value' : ''}: which one API Gateway applies is UNCONFIRMED (docs/platforms/api-gateway.md#cdk-to-cloudformation); cachelint evaluates both.`, 'Keep one MethodSetting per ResourcePath and HttpMethod.');
        }
        else
            seen.set(key, s);
    }
}
function describe(s) {
    const c = effectiveCaching(s.caching, s.ttl);
    if (c?.known)
        return c.value ? 'CachingEnabled: true' : 'CachingEnabled: false (a fix that fixes nothing)';
    return 'setting';
}
function settingFindingId(s) {
    if (s.path && s.path !== '*' && s.method)
        return `${s.path === '/' ? '' : s.path}/${s.method}`;
    return `${s.rawPath}/${s.rawMethod}`;
}
function settingSnippet(s, flavor) {
    const c = effectiveCaching(s.caching, s.ttl);
    const v = c?.known ? String(c.value) : 'false';
    const path = s.path && s.path !== '*' ? s.path : '/orders';
    const method = s.method && s.method !== '*' ? s.method : 'POST';
    if (flavor === 'cdk')
        return `methodOptions: {\n  '${path === '/' ? '/' : path}/${method}': { cachingEnabled: ${v} },\n}`;
    return `MethodSettings:\n  - ResourcePath: ${ENCODE(path)}\n    HttpMethod: ${method}\n    CachingEnabled: ${v}`;
}
/** One endpoint: (stage, path, method) with the stage cache layer when the cluster can cache it. */
function endpointFor(reader, api, stage, m) {
    // ANY catches the verbs the resource does not declare itself (docs/platforms/api-gateway.md#any-and-proxy).
    const declared = new Set(methodsOn(api, m.path).filter((x) => x.httpMethod !== 'ANY').map((x) => x.httpMethod));
    const methods = m.httpMethod === 'ANY' ? model_1.ALL_METHODS.filter((v) => !declared.has(v)) : [m.httpMethod];
    const findingId = `${m.path === '/' ? '' : m.path}/${m.httpMethod}`;
    const endpoint = {
        platform: 'apigateway',
        resource: stage?.resource ?? api.id,
        route: `${m.httpMethod} ${m.path}`,
        findingId,
        methods: (0, model_1.known)(methods),
        paths: [m.path],
        at: m.at,
        caches: [],
        noStore: m.noStore,
        noStoreSettable: m.integrationType?.endsWith('_PROXY') ? false : undefined,
        identity: m.identity.length ? m.identity : undefined,
        flavor: reader.flavor,
        ...(m.authorizationType ? { authorizer: { type: m.authorizationType, identitySources: m.identitySources } } : {}),
        ...(m.integrationType?.endsWith('_PROXY') ? { proxyIntegration: true } : {}),
        ...(m.requestRequired && Object.keys(m.requestRequired).length ? { requestParameters: m.requestRequired } : {}),
        details: {
            restApi: api.id,
            stage: stage?.resource ?? '',
            stageName: stage ? (stage.stageName.known ? stage.stageName.value : '') : '',
            httpMethod: m.httpMethod,
            methodLogicalId: m.logicalId,
        },
    };
    if (stage) {
        const layer = stageLayer(reader, stage, m, methods);
        if (layer)
            endpoint.caches.push(layer);
    }
    return endpoint;
}
function stageLayer(reader, stage, m, methods) {
    if (stage.cluster.known && !stage.cluster.value)
        return undefined;
    const label = stageLabel(stage);
    const onPath = settingsOn(stage, m.path);
    const own = onPath.filter((s) => s.method && s.method !== '*' && (s.method === m.httpMethod || m.httpMethod === 'ANY'));
    const pathStar = onPath.filter((s) => s.method === '*');
    const wide = stageWide(stage);
    const isAny = m.httpMethod === 'ANY';
    // Per verb: explicit on / off / unknown (every entry counts: any on wins, §6 "evaluate every entry").
    const explicitOn = new Map();
    const explicitOff = new Set();
    let explicitUnknown;
    for (const s of own) {
        const c = effectiveCaching(s.caching, s.ttl);
        if (!c)
            continue;
        const verbs = (s.method === 'ANY' ? (isAny ? [...model_1.ALL_METHODS] : []) : [s.method]).filter((v) => methods.includes(v));
        if (!isAny && s.method !== m.httpMethod)
            continue;
        for (const v of verbs) {
            if (!c.known)
                explicitUnknown ??= { s, v: c };
            else if (c.value)
                explicitOn.set(v, s);
            else
                explicitOff.add(v);
        }
    }
    for (const v of explicitOn.keys())
        explicitOff.delete(v);
    for (const s of pathStar) {
        const c = effectiveCaching(s.caching, s.ttl);
        if (c?.known && !c.value)
            for (const v of methods)
                if (!explicitOn.has(v))
                    explicitOff.add(v);
    }
    const pinnedOff = model_1.UNSAFE_METHODS.filter((v) => explicitOff.has(v));
    const cacheKey = m.cacheKey;
    const base = (at, scope, cached, ttl, caveats) => {
        const covered = new Set();
        if (cacheKey.known)
            for (const k of cacheKey.value) {
                covered.add(k);
                if (Object.hasOwn(m.integrationParams, k) && m.integrationParams[k])
                    covered.add(m.integrationParams[k]);
            }
        const keyMissing = cacheKey.known ? selectingParams(m).filter((p) => !covered.has(p)) : [];
        const sources = m.identitySources.map((x) => x.toLowerCase());
        const identityInKey = [...covered].some((k) => /^method\.request\.header\.authorization$/i.test(k) || sources.includes(k.toLowerCase()) || /^context\.(authorizer|identity)\./.test(k));
        // The authorizer's identity source is the evidence that responses depend on the caller (CL004). AWS_IAM has none
        // worth keying: its Authorization is a per-request SigV4 signature.
        const identityNotKeyed = m.authenticated.known && m.authenticated.value && !identityInKey && m.authorizationType !== 'AWS_IAM'
            ? m.identitySources.length
                ? m.identitySources
                : [`the identity source of the ${m.authorizationType ?? 'method'} authorizer (not readable from this template)`]
            : undefined;
        const bodyInKey = cacheKey.known && cacheKey.value.some((k) => /^method\.request\.body/.test(Object.hasOwn(m.integrationParams, k) ? m.integrationParams[k] : ''));
        const keyIncludesIdentity = !m.authenticated.known
            ? (0, model_1.unknown)(m.authenticated.why, m.at)
            : (0, model_1.known)(!m.authenticated.value || identityInKey);
        const t = ttl?.known ? ttl.value : DEFAULT_TTL;
        const layer = {
            kind: 'apigateway-stage-cache',
            name: scope === 'stage-wide' ? `stage ${label} cache (*/*)` : `stage ${label}: MethodSetting ${m.path} ${explicitVerbs(cached)}`,
            at,
            scope,
            cachedMethods: cached,
            ttl: ttl && !ttl.known ? (0, model_1.unknown)(ttl.why, ttl.at) : (0, model_1.known)({ min: 0, default: t, max: t }),
            honorsOriginNoStore: (0, model_1.known)(false), // §1.12: assumed not honoured; rely on CachingEnabled
            key: cacheKey.known ? (0, model_1.known)(bodyInKey ? [...cacheKey.value, 'body'] : cacheKey.value) : cacheKey,
            keyIncludesIdentity,
            keyMissing: keyMissing.length ? keyMissing : undefined,
            ...(identityNotKeyed ? { identityNotKeyed } : {}),
            caveats: caveats.length ? caveats : undefined,
            details: { stage: stage.resource, stageName: label, ...(bodyInKey ? { bodyInKey: 'true' } : {}) },
        };
        if (scope === 'stage-wide')
            layer.pinnedOffMethods = pinnedOff;
        return layer;
    };
    const clusterUnknown = !stage.cluster.known ? stage.cluster : undefined;
    if (explicitOn.size > 0 || (explicitUnknown && methods.some((v) => !explicitOff.has(v)))) {
        // An explicit per-method setting decides for this method (§1.4).
        const first = explicitOn.values().next().value ?? explicitUnknown.s;
        const caveats = isAny ? [ANY_CAVEAT] : [];
        let cached;
        if (clusterUnknown)
            cached = (0, model_1.unknown)(`the cache cluster (CacheClusterEnabled) of stage ${label}: ${clusterUnknown.why}`, clusterUnknown.at);
        else if (explicitUnknown && explicitOn.size === 0 && !explicitUnknown.v.known)
            cached = (0, model_1.unknown)(explicitUnknown.v.why, explicitUnknown.v.at);
        else {
            const verbs = new Set(explicitOn.keys());
            if (wide?.on)
                for (const v of ['GET', 'HEAD'])
                    if (methods.includes(v) && !explicitOff.has(v))
                        verbs.add(v);
            cached = (0, model_1.known)(model_1.ALL_METHODS.filter((v) => verbs.has(v)));
        }
        if (!methods.some(isUnsafeMethod) && !cached.known) {
            unresolvedForReads(reader, stage, m, cached);
            return undefined;
        }
        const layer = base(first.at, 'method', cached, first.ttl ?? wide?.ttl, caveats);
        if (first.fixPath && first.method)
            layer.fixTargets = { methodSetting: { ...first.fixPath, httpMethod: first.method } };
        return layer;
    }
    // Pinned off explicitly: the stage cache stores nothing for this method, but it still sits in front of it (CL003).
    const pathWildcardOn = pathStar.find((s) => {
        const c = effectiveCaching(s.caching, s.ttl);
        return c?.known === true && c.value;
    });
    if (wide?.on || pathWildcardOn) {
        const reads = ['GET', 'HEAD'].filter((v) => methods.includes(v) && !explicitOff.has(v));
        if (clusterUnknown) {
            unresolvedForReads(reader, stage, m, (0, model_1.unknown)(`the cache cluster (CacheClusterEnabled) of stage ${label}: ${clusterUnknown.why}`, clusterUnknown.at));
            return undefined;
        }
        const at = pathWildcardOn?.at ?? wide.at;
        const caveats = [...(wide?.caveats ?? [STAGE_WIDE_CAVEAT]), ...(isAny ? [ANY_CAVEAT] : [])];
        const layer = base(at, 'stage-wide', (0, model_1.known)(reads.length ? ['GET', 'HEAD'] : []), pathWildcardOn?.ttl ?? wide?.ttl, caveats);
        // One setting for many methods: findings it causes are one per stage (or path), not one per method.
        layer.id = `${pathWildcardOn ? `${m.path === '/' ? '' : m.path}/*` : '*/*'}@${label}`;
        if (stage.settingsFixPath)
            layer.fixTargets = { methodSettings: stage.settingsFixPath };
        return layer;
    }
    if (wide && wide.on === undefined && wide.why)
        unresolvedForReads(reader, stage, m, wide.why);
    return undefined;
}
function isUnsafeMethod(v) {
    return model_1.UNSAFE_METHODS.includes(v);
}
function explicitVerbs(v) {
    return v.known ? v.value.join('/') : '(unresolved)';
}
const reportedStages = new WeakMap();
/** Stage-wide caching that cannot be resolved: it decides CL004/CL007 for the methods, reported once per stage. */
function unresolvedForReads(reader, stage, _m, v) {
    if (v.known)
        return;
    const findingId = `stage:${stage.resource}`;
    const reported = reportedStages.get(reader) ?? new Set();
    reportedStages.set(reader, reported);
    if (reported.has(stage.resource))
        return;
    reported.add(stage.resource);
    reader.facts.push({
        kind: 'unresolved-setting',
        resource: stage.resource,
        route: `stage ${stageLabel(stage)}`,
        findingId,
        at: v.at,
        message: `Whether stage ${stageLabel(stage)} caches cannot be resolved: ${v.why}.`,
        blocks: ['CL004', 'CL007'],
        flavor: reader.flavor,
        platform: 'apigateway',
    });
}
