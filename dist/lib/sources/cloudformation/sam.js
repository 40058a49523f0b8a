"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IMPLICIT_API = void 0;
exports.collectSam = collectSam;
// SAM (Transform: AWS::Serverless-2016-10-31): AWS::Serverless::Api with Globals.Api resolved first (docs/platforms/api-gateway.md#sam:
// CacheClusterEnabled, CacheClusterSize and MethodSettings are copied onto the generated Stage), the implicit
// `ServerlessRestApi` (stage `Prod`) built from function `Api` events, and event RequestParameters with `Caching: true`
// (appended to the method's cacheKeyParameters). SAM merges Globals like this: scalars from the resource win,
// maps merge, lists are concatenated (global entries first).
const model_1 = require("../../model");
const apigateway_1 = require("./apigateway");
const intrinsics_1 = require("./intrinsics");
exports.IMPLICIT_API = 'ServerlessRestApi';
function collectSam(reader, apis) {
    const globals = reader.obj(['Globals', 'Api']);
    const globalSettings = globals ? reader.items([...globals.path, 'MethodSettings']) : [];
    const globalValue = (key, convert) => globals ? reader.value([...globals.path, key], convert) : undefined;
    for (const [id, res] of reader.ofType('AWS::Serverless::Api')) {
        const base = ['Resources', id, 'Properties'];
        const api = { id, at: reader.resourceAt(id), methods: [], complete: true, stages: [] };
        apis.set(id, api);
        const props = res.Properties ?? {};
        if (props.DefinitionBody !== undefined)
            (0, apigateway_1.readOpenApi)(reader, api, [...base, 'DefinitionBody']);
        else if (props.DefinitionUri !== undefined || (globals?.value.DefinitionUri !== undefined && props.DefinitionBody === undefined))
            (0, apigateway_1.markIncomplete)(api, 'its OpenAPI definition is in a separate file (DefinitionUri)');
        const cluster = reader.value([...base, 'CacheClusterEnabled'], intrinsics_1.asBoolean) ?? globalValue('CacheClusterEnabled', intrinsics_1.asBoolean) ?? (0, model_1.known)(false);
        const stageName = reader.value([...base, 'StageName'], intrinsics_1.asString) ?? (0, model_1.known)('(no StageName)');
        api.stages.push((0, apigateway_1.readStage)(reader, id, base, stageName, { cluster }, globalSettings));
    }
    // Function Api events: methods of the named API, or of the implicit one.
    for (const [fnId] of reader.ofType('AWS::Serverless::Function')) {
        const events = reader.obj(['Resources', fnId, 'Properties', 'Events']);
        if (!events)
            continue;
        for (const [eventId, ev] of Object.entries(events.value)) {
            if (!ev || typeof ev !== 'object' || ev.Type !== 'Api')
                continue;
            const evPath = [...events.path, eventId];
            const p = reader.obj([...evPath, 'Properties']);
            if (!p)
                continue;
            const apiRef = p.value.RestApiId;
            let apiId = exports.IMPLICIT_API;
            if (apiRef !== undefined) {
                if (apiRef && typeof apiRef === 'object' && typeof apiRef.Ref === 'string')
                    apiId = apiRef.Ref;
                else
                    continue; // an API from elsewhere
            }
            let api = apis.get(apiId);
            if (!api && apiId === exports.IMPLICIT_API) {
                api = { id: exports.IMPLICIT_API, at: reader.at(evPath), methods: [], complete: true, stages: [] };
                apis.set(exports.IMPLICIT_API, api);
                const stageBase = globals?.path ?? ['Globals', 'Api'];
                const cluster = globalValue('CacheClusterEnabled', intrinsics_1.asBoolean) ?? (0, model_1.known)(false);
                const stage = (0, apigateway_1.readStage)(reader, exports.IMPLICIT_API, stageBase, (0, model_1.known)('Prod'), { cluster });
                stage.at = globals ? reader.at(globals.path) : reader.at(evPath);
                api.stages.push(stage);
            }
            if (!api)
                continue;
            const path = reader.value([...p.path, 'Path'], intrinsics_1.asString);
            const verb = reader.value([...p.path, 'Method'], intrinsics_1.asString);
            const httpMethod = verb?.known ? (0, apigateway_1.normaliseMethod)(verb.value) : undefined;
            if (!path?.known || !httpMethod) {
                (0, apigateway_1.markIncomplete)(api, `the path or method of event ${eventId} of ${fnId} cannot be resolved`);
                continue;
            }
            if (api.methods.some((m) => m.path === path.value && m.httpMethod === httpMethod))
                continue; // already in the body
            api.methods.push(eventMethod(reader, apiId, fnId, evPath, p.path, path.value, httpMethod, globals?.path));
        }
    }
}
function eventMethod(reader, apiId, fnId, evPath, propsPath, path, httpMethod, globalsPath) {
    // Auth: the event's own Auth wins; else the API's (or Globals.Api's) DefaultAuthorizer / ApiKeyRequired.
    const apiAuthPath = apiId === exports.IMPLICIT_API ? [...(globalsPath ?? ['Globals', 'Api']), 'Auth'] : ['Resources', apiId, 'Properties', 'Auth'];
    const apiAuth = reader.obj(apiAuthPath)?.value ?? (globalsPath ? reader.obj([...globalsPath, 'Auth'])?.value : undefined) ?? {};
    const evAuth = reader.obj([...propsPath, 'Auth'])?.value ?? {};
    const authorizerName = reader.resolver.resolve(evAuth.Authorizer ?? apiAuth.DefaultAuthorizer);
    const name = authorizerName.known && typeof authorizerName.value === 'string' ? authorizerName.value : undefined;
    const authenticated = name !== undefined && name.toUpperCase() !== 'NONE';
    const apiKey = (0, intrinsics_1.asBoolean)(reader.resolver.resolve(evAuth.ApiKeyRequired ?? apiAuth.ApiKeyRequired));
    const identity = [];
    if (authenticated)
        identity.push(name);
    if (apiKey.known && apiKey.value)
        identity.push('api-key');
    const identitySources = [];
    let authorizationType;
    if (authenticated && name === 'AWS_IAM')
        authorizationType = 'AWS_IAM';
    else if (authenticated) {
        // SAM authorizers: Cognito and Lambda TOKEN read Identity.Header (default Authorization); Lambda REQUEST reads
        // Identity.Headers / QueryStrings (its StageVariables and Context cannot be keyed).
        const authorizers = (apiAuth.Authorizers ?? {});
        const def = Object.hasOwn(authorizers, name) ? authorizers[name] : undefined;
        const ident = (def?.Identity ?? {});
        authorizationType = def?.UserPoolArn !== undefined ? 'COGNITO_USER_POOLS' : 'CUSTOM';
        const names = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
        if (typeof def?.FunctionPayloadType === 'string' && def.FunctionPayloadType.toUpperCase() === 'REQUEST') {
            identitySources.push(...names(ident.Headers).map((h) => `method.request.header.${h}`), ...names(ident.QueryStrings).map((q) => `method.request.querystring.${q}`));
        }
        else
            identitySources.push(`method.request.header.${typeof ident.Header === 'string' ? ident.Header : 'Authorization'}`);
    }
    const requestParams = [];
    const requestRequired = {};
    const cacheKey = [];
    for (const item of reader.items([...propsPath, 'RequestParameters'])) {
        if (typeof item.value === 'string') {
            requestParams.push(item.value);
            requestRequired[item.value] = false;
        }
        else if (item.value && typeof item.value === 'object') {
            for (const [param, opts] of Object.entries(item.value)) {
                requestParams.push(param);
                const required = (0, intrinsics_1.asBoolean)(reader.resolver.resolve(opts?.Required));
                requestRequired[param] = required.known && required.value;
                const caching = (0, intrinsics_1.asBoolean)(reader.resolver.resolve(opts?.Caching));
                if (caching.known && caching.value)
                    cacheKey.push(param);
            }
        }
    }
    return {
        path,
        httpMethod,
        at: reader.at(evPath),
        logicalId: fnId,
        identity,
        authenticated: (0, model_1.known)(authenticated),
        identitySources,
        authorizationType,
        requestParams,
        requestRequired,
        cacheKey: (0, model_1.known)(cacheKey),
        integrationParams: {},
        integrationType: 'AWS_PROXY', // SAM Api events are Lambda proxy integrations
        noStore: (0, model_1.known)(undefined),
    };
}
