"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readOpenApi = readOpenApi;
// Inline OpenAPI/Swagger bodies (RestApi Body, Serverless::Api DefinitionBody): methods with their security schemes.
const model_1 = require("../../../model");
const intrinsics_1 = require("../intrinsics");
const api_model_1 = require("./api-model");
/** Methods of an inline OpenAPI/Swagger body with x-amazon-apigateway-integration (§1.8). */
function readOpenApi(reader, api, bodyPath) {
    const body = reader.node(bodyPath);
    if (!body)
        return;
    if (!('value' in body))
        return (0, api_model_1.markIncomplete)(api, `its OpenAPI body cannot be resolved: ${body.unresolved.why}`);
    if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value))
        return (0, api_model_1.markIncomplete)(api, 'its OpenAPI body is not an object');
    const root = body.value;
    const paths = reader.obj([...body.path, 'paths']);
    if (!paths)
        return (0, api_model_1.markIncomplete)(api, 'its OpenAPI body has no resolvable paths');
    const components = root.components;
    const schemes = (components?.securitySchemes ?? root.securityDefinitions ?? {});
    for (const [path, item] of Object.entries(paths.value)) {
        if (!item || typeof item !== 'object' || Array.isArray(item))
            continue;
        const itemParams = Array.isArray(item.parameters) ? item.parameters : [];
        for (const [key, op] of Object.entries(item)) {
            const httpMethod = (0, api_model_1.normaliseMethod)(key);
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
            const type = integration ? (0, api_model_1.resolved)((0, intrinsics_1.asString)(reader.resolver.resolve(integration.value.type)))?.toUpperCase() : undefined;
            const cacheKey = integration ? reader.value([...integration.path, 'cacheKeyParameters'], (r) => (0, api_model_1.stringList)(reader, r)) : undefined;
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
                integrationParams: (0, api_model_1.stringMap)(reader, integration ? [...integration.path, 'requestParameters'] : undefined),
                integrationType: type,
                noStore: (0, api_model_1.integrationNoStore)(reader, integration?.path, type, 'responses', 'responseParameters'),
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
            type = (typeof authorizer.type === 'string' ? authorizer.type : '').toLowerCase() === 'cognito_user_pools' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
            identity.push(name);
            if (typeof authorizer.identitySource === 'string')
                sources.push(...authorizer.identitySource
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean));
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
