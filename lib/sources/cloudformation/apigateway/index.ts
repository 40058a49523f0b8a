// API Gateway REST APIs: rebuilds each API's resource tree and methods (AWS::ApiGateway::Resource/Method, inline
// OpenAPI bodies, SAM, see sam.ts), reads every stage's cache settings (Stage, Deployment.StageDescription,
// Serverless::Api) and turns them into one Endpoint per (stage, path, method) with the stage cache as a layer.
// Platform truth (docs/platforms/api-gateway.md): the cluster alone caches nothing; `/*` + `*` is stage-wide and read as GET-only
// (§1.3, UNCONFIRMED at runtime); TTL 0 disables caching; `/*` + a verb and malformed paths match nothing (§1.2).
import type { Endpoint, Method, Value } from '../../../model';
import { isUnsafe, known, unknown } from '../../../model';
import type { TemplateReader } from '../template';
import { buildApiIndex } from './api-index';
import type { ApiInfo, ApiMethod, HttpMethod, SettingEntry } from './api-model';
import { checkSettings } from './method-settings';
import { endpointFor } from './stage-layer';
import { stageCachesAnything, stageLabel, stageSurelyCaches } from './stages';

export type { ApiInfo, ApiMethod, HttpMethod, StageInfo } from './api-model';
export { joinPath, markIncomplete, normaliseMethod, selectingParams } from './api-model';
export { readOpenApi } from './openapi';
export { apiFor, collectRestApis } from './rest-api';
export { collectStages, parseSettingKey, readStage } from './stages';

/** Endpoints of every API and stage; CL008/CL006 facts for settings that match nothing or cannot be read. */
export function apiEndpoints(reader: TemplateReader, apis: Map<string, ApiInfo>): Map<string, { stageName: Value<string>; endpoint: Endpoint }[]> {
  const byApi = new Map<string, { stageName: Value<string>; endpoint: Endpoint }[]>();
  const index = buildApiIndex(apis.values());
  for (const api of apis.values()) {
    const list: { stageName: Value<string>; endpoint: Endpoint }[] = [];
    byApi.set(api.id, list);
    if (api.stages.length === 0) {
      for (const m of api.methods) list.push({ stageName: known(''), endpoint: endpointFor(reader, index, api, undefined, m) });
      continue;
    }
    for (const stage of api.stages) {
      checkSettings(reader, index, api, stage);
      const methods = [...api.methods];
      // Methods we cannot see (API body elsewhere): explicit settings that cache a write still say enough.
      if (!api.complete) {
        for (const s of stage.settings) {
          if (!s.path || s.path === '*' || !s.method || s.method === '*') continue;
          if (methods.some((m) => m.path === s.path && (m.httpMethod === s.method || m.httpMethod === 'ANY'))) continue;
          if (!(s.caching && (!s.caching.known || s.caching.value))) continue;
          if (s.method !== 'ANY' && !isUnsafe(s.method as Method)) continue; // reads: the stage fact covers them
          methods.push(syntheticMethod(s, api));
        }
      }
      for (const m of methods) list.push({ stageName: stage.stageName, endpoint: endpointFor(reader, index, api, stage, m) });
      if (stageCachesAnything(stage))
        for (const u of api.unresolvedMethods ?? [])
          reader.facts.push({
            kind: 'unresolved-setting',
            resource: stage.resource,
            route: `method ${u.id}`,
            findingId: `method:${u.id}`,
            at: u.at,
            reason: { kind: 'method-unresolved', stage: stageLabel(stage), cachesSurely: stageSurelyCaches(stage), method: u.id, part: u.part, why: u.why },
            blocks: ['CL001', 'CL004', 'CL007'],
            flavor: reader.flavor,
            platform: 'apigateway',
          });
      if (!api.complete && index.stageWide(stage)?.on !== false && stageCachesAnything(stage) && api.methods.length === 0) {
        reader.facts.push({
          kind: 'unresolved-setting',
          resource: stage.resource,
          route: `stage ${stageLabel(stage)}`,
          findingId: 'stage',
          at: stage.at,
          reason: { kind: 'methods-elsewhere', stage: stageLabel(stage), cachesSurely: stageSurelyCaches(stage), api: api.id, why: api.incompleteWhy ?? '' },
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
function syntheticMethod(s: SettingEntry, api: ApiInfo): ApiMethod {
  const why = `the methods of API ${api.id} are not in this template (${api.incompleteWhy})`;
  return {
    path: s.path!,
    httpMethod: s.method as HttpMethod,
    at: s.at,
    logicalId: api.id,
    identity: [],
    authenticated: known(false),
    identitySources: [],
    requestParams: [],
    cacheKey: unknown(why, s.at),
    integrationParams: {},
    noStore: unknown(why, s.at),
  };
}
