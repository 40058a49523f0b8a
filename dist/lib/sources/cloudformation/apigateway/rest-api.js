"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.collectRestApis = collectRestApis;
exports.apiFor = apiFor;
// API Gateway REST APIs as the template writes them: the resource tree (AWS::ApiGateway::Resource PathPart chains)
// and methods (AWS::ApiGateway::Method with authorizers and integrations).
const model_1 = require("../../../model");
const intrinsics_1 = require("../intrinsics");
const references_1 = require("../references");
const api_model_1 = require("./api-model");
const openapi_1 = require("./openapi");
/** Reads AWS::ApiGateway::RestApi / Resource / Method / Authorizer resources and inline OpenAPI bodies. */
function collectRestApis(reader, apis) {
    for (const [id, res] of reader.ofType('AWS::ApiGateway::RestApi')) {
        const api = { id, at: reader.resourceAt(id), methods: [], complete: true, stages: [] };
        apis.set(id, api);
        const props = res.Properties ?? {};
        if (props.Body !== undefined)
            (0, openapi_1.readOpenApi)(reader, api, ['Resources', id, 'Properties', 'Body']);
        else if (props.BodyS3Location !== undefined)
            (0, api_model_1.markIncomplete)(api, 'its OpenAPI definition is in S3 (BodyS3Location)');
        else if (props.CloneFrom !== undefined)
            (0, api_model_1.markIncomplete)(api, 'it is cloned from another API (CloneFrom)');
    }
    const tree = resourceTree(reader);
    const apiOf = (ref) => apiFor(reader, apis, ref);
    for (const [resId, def] of tree.defs) {
        const api = apiOf(def.Properties?.RestApiId);
        if (api && tree.pathOf(resId) === undefined)
            (0, api_model_1.markIncomplete)(api, `the path of resource ${resId} cannot be resolved`);
    }
    const authorizers = new Map(reader.ofType('AWS::ApiGateway::Authorizer'));
    for (const [id, def] of reader.ofType('AWS::ApiGateway::Method')) {
        const api = apiOf((def.Properties ?? {}).RestApiId);
        if (!api)
            continue; // an API from another stack: its stages are not here either
        const method = readMethod(reader, id, def.Properties ?? {}, api, tree, authorizers);
        if (method)
            api.methods.push(method);
    }
}
/** The resource tree: PathPart chains up to GetAtt <Api>.RootResourceId, each path resolved once. */
function resourceTree(reader) {
    const resourcePaths = new Map();
    const resourceDefs = new Map(reader.ofType('AWS::ApiGateway::Resource'));
    const pathOf = (resId, seen = new Set()) => {
        if (resourcePaths.has(resId))
            return resourcePaths.get(resId);
        const def = resourceDefs.get(resId);
        if (!def || seen.has(resId))
            return undefined;
        seen.add(resId);
        const part = (0, api_model_1.resolved)((0, intrinsics_1.asString)(reader.resolver.resolve(def.Properties?.PathPart)));
        const parent = parentPath(def.Properties?.ParentId, seen);
        const p = part !== undefined && parent !== undefined ? (0, api_model_1.joinPath)(parent, part) : undefined;
        resourcePaths.set(resId, p);
        return p;
    };
    // `!Ref Parent` (or `!Sub ${Parent}`): that resource's path; `!GetAtt Api.RootResourceId`: the root.
    const parentPath = (ref, seen) => {
        const target = (0, references_1.refTarget)(ref);
        if (!target)
            return undefined;
        if (target.attr === undefined)
            return pathOf(target.id, seen);
        return target.attr === 'RootResourceId' ? '/' : undefined;
    };
    return { defs: resourceDefs, pathOf, parentPath };
}
/** One AWS::ApiGateway::Method; undefined (and the API marked incomplete) when its path or verb cannot be resolved. */
function readMethod(reader, id, props, api, tree, authorizers) {
    const base = ['Resources', id, 'Properties'];
    const path = tree.parentPath(props.ResourceId, new Set());
    const verb = (0, intrinsics_1.asString)(reader.resolver.resolve(props.HttpMethod));
    const httpMethod = verb.known ? (0, api_model_1.normaliseMethod)(verb.value) : undefined;
    if (path === undefined || !httpMethod) {
        const part = path === undefined ? 'resource path' : 'HTTP method';
        (0, api_model_1.markIncomplete)(api, `the ${part} of ${id} cannot be resolved${verb.known ? '' : `: ${verb.why}`}`);
        (api.unresolvedMethods ??= []).push({
            id,
            part,
            why: verb.known ? undefined : verb.why,
            at: reader.at(path === undefined ? [...base, 'ResourceId'] : [...base, 'HttpMethod']),
        });
        return undefined;
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
        const src = (0, api_model_1.resolved)((0, intrinsics_1.asString)(reader.resolver.resolve(authorizers.get(authorizerRef)?.Properties?.IdentitySource)));
        if (src)
            identitySources.push(...src
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean));
    }
    const declared = reader.obj([...base, 'RequestParameters'])?.value ?? {};
    const requestRequired = {};
    for (const [k, v] of Object.entries(declared)) {
        const b = (0, intrinsics_1.asBoolean)(reader.resolver.resolve(v));
        if (b.known)
            requestRequired[k] = b.value;
    }
    const integration = reader.obj([...base, 'Integration']);
    const integrationType = integration ? (0, api_model_1.resolved)((0, intrinsics_1.asString)(reader.resolver.resolve(integration.value.Type)))?.toUpperCase() : undefined;
    const cacheKey = integration ? reader.value([...integration.path, 'CacheKeyParameters'], (r) => (0, api_model_1.stringList)(reader, r)) : undefined;
    return {
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
        integrationParams: (0, api_model_1.stringMap)(reader, integration ? [...integration.path, 'RequestParameters'] : undefined),
        integrationType,
        noStore: (0, api_model_1.integrationNoStore)(reader, integration?.path, integrationType, 'IntegrationResponses', 'ResponseParameters'),
    };
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
        api = {
            id: key,
            at: reader.at(name && reader.raw(['Parameters', name]) !== undefined ? ['Parameters', name] : ['Resources']),
            methods: [],
            complete: false,
            incompleteWhy: `the API is defined outside this template (RestApiId: ${name ? `Ref ${name}` : (0, intrinsics_1.formatValue)(ref)})`,
            stages: [],
        };
        apis.set(key, api);
    }
    return api;
}
/** The logical id in `!Ref Api`, `!GetAtt Api.RestApiId` or `!Sub ${Api}` (all give the API id). */
function apiName(ref) {
    const target = (0, references_1.refTarget)(ref);
    return target && (target.attr === undefined || target.attr === 'RestApiId') ? target.id : undefined;
}
