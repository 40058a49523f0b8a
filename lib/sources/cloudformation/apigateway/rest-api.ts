// API Gateway REST APIs as the template writes them: the resource tree (AWS::ApiGateway::Resource PathPart chains)
// and methods (AWS::ApiGateway::Method with authorizers and integrations).
import { known } from '../../../model';
import { asBoolean, asString, formatValue } from '../intrinsics';
import { refTarget } from '../references';
import type { TemplatePath, TemplateReader } from '../template';
import { integrationNoStore, joinPath, markIncomplete, normaliseMethod, resolved, stringList, stringMap, type ApiInfo, type ApiMethod } from './api-model';
import { readOpenApi } from './openapi';

/** Reads AWS::ApiGateway::RestApi / Resource / Method / Authorizer resources and inline OpenAPI bodies. */
export function collectRestApis(reader: TemplateReader, apis: Map<string, ApiInfo>): void {
  for (const [id, res] of reader.ofType('AWS::ApiGateway::RestApi')) {
    const api: ApiInfo = { id, at: reader.resourceAt(id), methods: [], complete: true, stages: [] };
    apis.set(id, api);
    const props = res.Properties ?? {};
    if (props.Body !== undefined) readOpenApi(reader, api, ['Resources', id, 'Properties', 'Body']);
    else if (props.BodyS3Location !== undefined) markIncomplete(api, 'its OpenAPI definition is in S3 (BodyS3Location)');
    else if (props.CloneFrom !== undefined) markIncomplete(api, 'it is cloned from another API (CloneFrom)');
  }

  const tree = resourceTree(reader);
  const apiOf = (ref: unknown): ApiInfo | undefined => apiFor(reader, apis, ref);
  for (const [resId, def] of tree.defs) {
    const api = apiOf(def.Properties?.RestApiId);
    if (api && tree.pathOf(resId) === undefined) markIncomplete(api, `the path of resource ${resId} cannot be resolved`);
  }

  const authorizers = new Map(reader.ofType('AWS::ApiGateway::Authorizer'));
  for (const [id, def] of reader.ofType('AWS::ApiGateway::Method')) {
    const api = apiOf((def.Properties ?? {}).RestApiId);
    if (!api) continue; // an API from another stack: its stages are not here either
    const method = readMethod(reader, id, def.Properties ?? {}, api, tree, authorizers);
    if (method) api.methods.push(method);
  }
}

type ResourceDef = { Properties?: Record<string, unknown> };

/** The resource tree: PathPart chains up to GetAtt <Api>.RootResourceId, each path resolved once. */
function resourceTree(reader: TemplateReader) {
  const resourcePaths = new Map<string, string | undefined>();
  const resourceDefs = new Map(reader.ofType('AWS::ApiGateway::Resource'));
  const pathOf = (resId: string, seen = new Set<string>()): string | undefined => {
    if (resourcePaths.has(resId)) return resourcePaths.get(resId);
    const def = resourceDefs.get(resId);
    if (!def || seen.has(resId)) return undefined;
    seen.add(resId);
    const part = resolved(asString(reader.resolver.resolve(def.Properties?.PathPart)));
    const parent = parentPath(def.Properties?.ParentId, seen);
    const p = part !== undefined && parent !== undefined ? joinPath(parent, part) : undefined;
    resourcePaths.set(resId, p);
    return p;
  };
  // `!Ref Parent` (or `!Sub ${Parent}`): that resource's path; `!GetAtt Api.RootResourceId`: the root.
  const parentPath = (ref: unknown, seen: Set<string>): string | undefined => {
    const target = refTarget(ref);
    if (!target) return undefined;
    if (target.attr === undefined) return pathOf(target.id, seen);
    return target.attr === 'RootResourceId' ? '/' : undefined;
  };
  return { defs: resourceDefs, pathOf, parentPath };
}

/** One AWS::ApiGateway::Method; undefined (and the API marked incomplete) when its path or verb cannot be resolved. */
function readMethod(
  reader: TemplateReader,
  id: string,
  props: Record<string, unknown>,
  api: ApiInfo,
  tree: ReturnType<typeof resourceTree>,
  authorizers: Map<string, ResourceDef>,
): ApiMethod | undefined {
  const base: TemplatePath = ['Resources', id, 'Properties'];
  const path = tree.parentPath(props.ResourceId, new Set());
  const verb = asString(reader.resolver.resolve(props.HttpMethod));
  const httpMethod = verb.known ? normaliseMethod(verb.value) : undefined;
  if (path === undefined || !httpMethod) {
    const part = path === undefined ? 'resource path' : 'HTTP method';
    markIncomplete(api, `the ${part} of ${id} cannot be resolved${verb.known ? '' : `: ${verb.why}`}`);
    (api.unresolvedMethods ??= []).push({
      id,
      part,
      why: verb.known ? undefined : verb.why,
      at: reader.at(path === undefined ? [...base, 'ResourceId'] : [...base, 'HttpMethod']),
    });
    return undefined;
  }
  const authType = reader.value([...base, 'AuthorizationType'], asString) ?? known('NONE');
  const apiKey = reader.value([...base, 'ApiKeyRequired'], asBoolean);
  const identity: string[] = [];
  const identitySources: string[] = [];
  if (!authType.known || authType.value.toUpperCase() !== 'NONE') identity.push(authType.known ? authType.value : 'authorizer');
  if (apiKey?.known && apiKey.value) identity.push('api-key');
  const authorizerRef = (props.AuthorizerId as Record<string, unknown> | undefined)?.Ref;
  if (typeof authorizerRef === 'string') {
    const src = resolved(asString(reader.resolver.resolve(authorizers.get(authorizerRef)?.Properties?.IdentitySource)));
    if (src)
      identitySources.push(
        ...src
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
  }
  const declared = reader.obj([...base, 'RequestParameters'])?.value ?? {};
  const requestRequired: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(declared)) {
    const b = asBoolean(reader.resolver.resolve(v));
    if (b.known) requestRequired[k] = b.value;
  }
  const integration = reader.obj([...base, 'Integration']);
  const integrationType = integration ? resolved(asString(reader.resolver.resolve(integration.value.Type)))?.toUpperCase() : undefined;
  const cacheKey = integration ? reader.value([...integration.path, 'CacheKeyParameters'], (r) => stringList(reader, r)) : undefined;
  return {
    path,
    httpMethod,
    at: reader.resourceAt(id),
    logicalId: id,
    identity,
    authenticated: authType.known ? known(authType.value.toUpperCase() !== 'NONE') : authType,
    identitySources,
    authorizationType: authType.known && authType.value.toUpperCase() !== 'NONE' ? authType.value.toUpperCase() : undefined,
    requestParams: Object.keys(declared),
    requestRequired,
    cacheKey: cacheKey ?? known([]),
    integrationParams: stringMap(reader, integration ? [...integration.path, 'RequestParameters'] : undefined),
    integrationType,
    noStore: integrationNoStore(reader, integration?.path, integrationType, 'IntegrationResponses', 'ResponseParameters'),
  };
}

/**
 * The API a RestApiId points at. An API defined elsewhere (a parameter, Fn::ImportValue, a literal id) becomes an
 * incomplete API of its own, so a Stage of this template that caches a write on it is still judged.
 */
export function apiFor(reader: TemplateReader, apis: Map<string, ApiInfo>, ref: unknown): ApiInfo | undefined {
  if (ref === undefined || ref === null) return undefined;
  const name = apiName(ref);
  if (name !== undefined && apis.has(name)) return apis.get(name);
  const type = name !== undefined ? reader.typeOf(name) : undefined;
  if (type && type !== 'AWS::ApiGateway::RestApi') return undefined; // a Ref to some other resource type: not a REST API
  const key = name ?? `external ${formatValue(ref)}`;
  let api = apis.get(key);
  if (!api) {
    api = {
      id: key,
      at: reader.at(name && reader.raw(['Parameters', name]) !== undefined ? ['Parameters', name] : ['Resources']),
      methods: [],
      complete: false,
      incompleteWhy: `the API is defined outside this template (RestApiId: ${name ? `Ref ${name}` : formatValue(ref)})`,
      stages: [],
    };
    apis.set(key, api);
  }
  return api;
}

/** The logical id in `!Ref Api`, `!GetAtt Api.RestApiId` or `!Sub ${Api}` (all give the API id). */
function apiName(ref: unknown): string | undefined {
  const target = refTarget(ref);
  return target && (target.attr === undefined || target.attr === 'RestApiId') ? target.id : undefined;
}
