// SAM (Transform: AWS::Serverless-2016-10-31): AWS::Serverless::Api with Globals.Api resolved first (docs/platforms/api-gateway.md#sam:
// CacheClusterEnabled, CacheClusterSize and MethodSettings are copied onto the generated Stage), the implicit
// `ServerlessRestApi` (stage `Prod`) built from function `Api` events, and event RequestParameters with `Caching: true`
// (appended to the method's cacheKeyParameters). SAM merges Globals like this: scalars from the resource win,
// maps merge, lists are concatenated (global entries first).
import { known, type Value } from '../../model';
import type { ApiInfo, ApiMethod } from './apigateway';
import { markIncomplete, normaliseMethod, readOpenApi, readStage } from './apigateway';
import { asBoolean, asString } from './intrinsics';
import type { TemplatePath, TemplateReader } from './template';

export const IMPLICIT_API = 'ServerlessRestApi';

export function collectSam(reader: TemplateReader, apis: Map<string, ApiInfo>): void {
  const globals = reader.obj(['Globals', 'Api']);
  const globalSettings = globals ? reader.items([...globals.path, 'MethodSettings']) : [];
  const globalValue = <T>(key: string, convert: Parameters<TemplateReader['value']>[1]) =>
    globals ? (reader.value([...globals.path, key], convert) as Value<T> | undefined) : undefined;

  for (const [id, res] of reader.ofType('AWS::Serverless::Api')) {
    const base: TemplatePath = ['Resources', id, 'Properties'];
    const api: ApiInfo = { id, at: reader.resourceAt(id), methods: [], complete: true, stages: [] };
    apis.set(id, api);
    const props = res.Properties ?? {};
    if (props.DefinitionBody !== undefined) readOpenApi(reader, api, [...base, 'DefinitionBody']);
    else if (props.DefinitionUri !== undefined || (globals?.value.DefinitionUri !== undefined && props.DefinitionBody === undefined))
      markIncomplete(api, 'its OpenAPI definition is in a separate file (DefinitionUri)');
    const cluster = reader.value([...base, 'CacheClusterEnabled'], asBoolean) ?? globalValue<boolean>('CacheClusterEnabled', asBoolean) ?? known(false);
    const stageName = reader.value([...base, 'StageName'], asString) ?? known('(no StageName)');
    api.stages.push(readStage(reader, id, base, stageName, { cluster }, globalSettings));
  }

  // Function Api events: methods of the named API, or of the implicit one.
  for (const [fnId] of reader.ofType('AWS::Serverless::Function')) {
    const events = reader.obj(['Resources', fnId, 'Properties', 'Events']);
    if (!events) continue;
    for (const [eventId, ev] of Object.entries(events.value)) {
      if (!ev || typeof ev !== 'object' || (ev as Record<string, unknown>).Type !== 'Api') continue;
      const evPath: TemplatePath = [...events.path, eventId];
      const p = reader.obj([...evPath, 'Properties']);
      if (!p) continue;
      const apiRef = p.value.RestApiId as Record<string, unknown> | undefined;
      let apiId = IMPLICIT_API;
      if (apiRef !== undefined) {
        if (apiRef && typeof apiRef === 'object' && typeof apiRef.Ref === 'string') apiId = apiRef.Ref;
        else continue; // an API from elsewhere
      }
      let api = apis.get(apiId);
      if (!api && apiId === IMPLICIT_API) {
        api = { id: IMPLICIT_API, at: reader.at(evPath), methods: [], complete: true, stages: [] };
        apis.set(IMPLICIT_API, api);
        const stageBase: TemplatePath = globals?.path ?? ['Globals', 'Api'];
        const cluster = globalValue<boolean>('CacheClusterEnabled', asBoolean) ?? known(false);
        const stage = readStage(reader, IMPLICIT_API, stageBase, known('Prod'), { cluster });
        stage.at = globals ? reader.at(globals.path) : reader.at(evPath);
        api.stages.push(stage);
      }
      if (!api) continue;
      const path = reader.value([...p.path, 'Path'], asString);
      const verb = reader.value([...p.path, 'Method'], asString);
      const httpMethod = verb?.known ? normaliseMethod(verb.value) : undefined;
      if (!path?.known || !httpMethod) {
        markIncomplete(api, `the path or method of event ${eventId} of ${fnId} cannot be resolved`);
        continue;
      }
      if (api.methods.some((m) => m.path === path.value && m.httpMethod === httpMethod)) continue; // already in the body
      api.methods.push(eventMethod(reader, apiId, fnId, evPath, p.path, path.value, httpMethod, globals?.path));
    }
  }
}

function eventMethod(
  reader: TemplateReader,
  apiId: string,
  fnId: string,
  evPath: TemplatePath,
  propsPath: TemplatePath,
  path: string,
  httpMethod: NonNullable<ReturnType<typeof normaliseMethod>>,
  globalsPath: TemplatePath | undefined,
): ApiMethod {
  // Auth: the event's own Auth wins; else the API's (or Globals.Api's) DefaultAuthorizer / ApiKeyRequired.
  const apiAuthPath: TemplatePath = apiId === IMPLICIT_API ? [...(globalsPath ?? ['Globals', 'Api']), 'Auth'] : ['Resources', apiId, 'Properties', 'Auth'];
  const apiAuth = reader.obj(apiAuthPath)?.value ?? (globalsPath ? reader.obj([...globalsPath, 'Auth'])?.value : undefined) ?? {};
  const evAuth = reader.obj([...propsPath, 'Auth'])?.value ?? {};
  const authorizerName = reader.resolver.resolve(evAuth.Authorizer ?? apiAuth.DefaultAuthorizer);
  const name = authorizerName.known && typeof authorizerName.value === 'string' ? authorizerName.value : undefined;
  const authenticated = name !== undefined && name.toUpperCase() !== 'NONE';
  const apiKey = asBoolean(reader.resolver.resolve(evAuth.ApiKeyRequired ?? apiAuth.ApiKeyRequired));
  const identity: string[] = [];
  if (authenticated) identity.push(name);
  if (apiKey.known && apiKey.value) identity.push('api-key');
  const identitySources: string[] = [];
  let authorizationType: string | undefined;
  if (authenticated && name === 'AWS_IAM') authorizationType = 'AWS_IAM';
  else if (authenticated) {
    // SAM authorizers: Cognito and Lambda TOKEN read Identity.Header (default Authorization); Lambda REQUEST reads
    // Identity.Headers / QueryStrings (its StageVariables and Context cannot be keyed).
    const authorizers = (apiAuth.Authorizers ?? {}) as Record<string, Record<string, unknown>>;
    const def = Object.hasOwn(authorizers, name) ? authorizers[name] : undefined;
    const ident = (def?.Identity ?? {}) as Record<string, unknown>;
    authorizationType = def?.UserPoolArn !== undefined ? 'COGNITO_USER_POOLS' : 'CUSTOM';
    const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    if (typeof def?.FunctionPayloadType === 'string' && def.FunctionPayloadType.toUpperCase() === 'REQUEST') {
      identitySources.push(
        ...names(ident.Headers).map((h) => `method.request.header.${h}`),
        ...names(ident.QueryStrings).map((q) => `method.request.querystring.${q}`),
      );
    } else identitySources.push(`method.request.header.${typeof ident.Header === 'string' ? ident.Header : 'Authorization'}`);
  }

  const requestParams: string[] = [];
  const requestRequired: Record<string, boolean> = {};
  const cacheKey: string[] = [];
  for (const item of reader.items([...propsPath, 'RequestParameters'])) {
    if (typeof item.value === 'string') {
      requestParams.push(item.value);
      requestRequired[item.value] = false;
    } else if (item.value && typeof item.value === 'object') {
      for (const [param, opts] of Object.entries(item.value as Record<string, unknown>)) {
        requestParams.push(param);
        const required = asBoolean(reader.resolver.resolve((opts as Record<string, unknown> | undefined)?.Required));
        requestRequired[param] = required.known && required.value;
        const caching = asBoolean(reader.resolver.resolve((opts as Record<string, unknown> | undefined)?.Caching));
        if (caching.known && caching.value) cacheKey.push(param);
      }
    }
  }
  return {
    path,
    httpMethod,
    at: reader.at(evPath),
    logicalId: fnId,
    identity,
    authenticated: known(authenticated),
    identitySources,
    authorizationType,
    requestParams,
    requestRequired,
    cacheKey: known(cacheKey),
    integrationParams: {},
    integrationType: 'AWS_PROXY', // SAM Api events are Lambda proxy integrations
    noStore: known(undefined),
  };
}
