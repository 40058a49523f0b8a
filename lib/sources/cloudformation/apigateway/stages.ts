// Stages and their MethodSettings (AWS::ApiGateway::Stage, Deployment StageName/StageDescription, SAM via readStage):
// what each setting says, normalised (§1.2), and what the stage as a whole caches.
import type { ConfigFact, SourceLocation, UnresolvedReason, Value } from '../../../model';
import { known, unknown } from '../../../model';
import { asBoolean, asNumber, asString } from '../intrinsics';
import { branchWhy, type Item, type TemplatePath, type TemplateReader } from '../template';
import { VERBS, type ApiInfo, type StageInfo } from './api-model';
import { apiFor } from './rest-api';

export const STAGE_WIDE_CAVEAT =
  'Stage-wide (*/*) caching is read as GET-only (AWS caching guide, docs/platforms/api-gateway.md#stage-wide-caching); runtime behaviour for other methods is UNCONFIRMED';

/** AWS::ApiGateway::Stage and AWS::ApiGateway::Deployment (StageName / StageDescription). */
export function collectStages(reader: TemplateReader, apis: Map<string, ApiInfo>): void {
  const apiOf = (ref: unknown) => apiFor(reader, apis, ref);
  for (const [id, def] of reader.ofType('AWS::ApiGateway::Stage')) {
    const api = apiOf(def.Properties?.RestApiId);
    if (!api) continue;
    const base: TemplatePath = ['Resources', id, 'Properties'];
    api.stages.push(
      readStage(reader, id, base, reader.value([...base, 'StageName'], asString) ?? known(id), {
        cluster: reader.value([...base, 'CacheClusterEnabled'], asBoolean) ?? known(false), // CacheClusterSize alone does not enable the cluster (CDK sets both)
      }),
    );
  }
  for (const [id, def] of reader.ofType('AWS::ApiGateway::Deployment')) {
    const api = apiOf(def.Properties?.RestApiId);
    if (!api) continue;
    const base: TemplatePath = ['Resources', id, 'Properties'];
    const stageName = reader.value([...base, 'StageName'], asString);
    const description = reader.obj([...base, 'StageDescription']);
    if (!stageName && !description) continue; // a deployment that a Stage resource points at
    const d = description?.path ?? [...base, 'StageDescription'];
    const stage = readStage(reader, id, d, stageName ?? known('(unnamed)'), {
      cluster: (description ? reader.value([...d, 'CacheClusterEnabled'], asBoolean) : undefined) ?? known(false),
    });
    if (description) {
      const caching = reader.value([...d, 'CachingEnabled'], asBoolean);
      if (caching) stage.descriptionCaching = { caching, ttl: reader.value([...d, 'CacheTtlInSeconds'], asNumber), at: reader.at([...d, 'CachingEnabled']) };
    }
    api.stages.push(stage);
  }
}

export function readStage(
  reader: TemplateReader,
  resource: string,
  base: TemplatePath,
  stageName: Value<string>,
  opts: { cluster: Value<boolean> },
  extraSettings: Item[] = [],
): StageInfo {
  const stage: StageInfo = { resource, stageName, at: reader.resourceAt(resource), cluster: opts.cluster, settings: [] };
  // Pins are appended to the stage's own MethodSettings (not SAM Globals'), unless it is written as an expression.
  const listPath = [...base, 'MethodSettings'];
  const listRaw = reader.raw(listPath);
  if (listRaw === undefined || Array.isArray(listRaw)) stage.settingsFixPath = reader.valuePath(listPath);
  const items = [...reader.items([...base, 'MethodSettings']), ...extraSettings];
  for (const item of items) {
    const at = reader.at(item.path);
    if (item.unresolved !== undefined) {
      // A whole MethodSetting we cannot read: which method it caches is unknown.
      reader.facts.push(unresolvedSettingFact(reader, resource, item, at, { kind: 'method-setting', stage: resource, why: item.unresolved }));
      continue;
    }
    if (!item.value || typeof item.value !== 'object') continue;
    const rawPath = reader.value([...item.path, 'ResourcePath'], asString);
    const rawMethod = reader.value([...item.path, 'HttpMethod'], asString);
    let caching = reader.value([...item.path, 'CachingEnabled'], asBoolean);
    let ttl = reader.value([...item.path, 'CacheTtlInSeconds'], asNumber);
    if (!rawPath?.known || !rawMethod?.known) {
      const v = !rawPath ? undefined : !rawPath.known ? rawPath : rawMethod && !rawMethod.known ? rawMethod : undefined;
      if ((caching || ttl) && v && !v.known)
        reader.facts.push(
          unresolvedSettingFact(reader, resource, item, v.at, {
            kind: 'method-setting-key',
            stage: resource,
            field: !rawPath?.known ? 'ResourcePath' : 'HttpMethod',
            why: v.why,
          }),
        );
      continue;
    }
    if (item.condition) {
      // A MethodSetting inside an unresolvable Fn::If: what it decides holds for one deploy only, so it is unknown.
      const c = effectiveCaching(caching, ttl);
      if (c?.known) {
        const why = `MethodSetting ${rawPath.value} ${rawMethod.value} (${c.value ? 'CachingEnabled: true' : 'caching off'}): ${branchWhy(item.condition)}`;
        caching = unknown(why, at);
        if (ttl?.known && ttl.value === 0) ttl = unknown(why, at);
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

function unresolvedSettingFact(reader: TemplateReader, resource: string, item: Item, at: SourceLocation, reason: UnresolvedReason): ConfigFact {
  return {
    kind: 'unresolved-setting',
    resource,
    route: 'MethodSetting',
    findingId: `MethodSettings[${String(item.path[item.path.length - 1])}]`,
    at,
    reason,
    blocks: ['CL001', 'CL008'],
    flavor: reader.flavor,
    platform: 'apigateway',
  };
}

/** Normalises a MethodSetting key (§1.2): `/*` + `*` → stage-wide; `/~1a~1{id}` → `/a/{id}`; `/` → root. */
export function parseSettingKey(rawPath: string, rawMethod: string): { path?: string; method?: string; unencoded?: boolean } {
  const methodUp = rawMethod.trim().toUpperCase();
  const method = methodUp === '*' ? '*' : VERBS.has(methodUp) ? methodUp : undefined;
  const p = rawPath.trim();
  if (p === '/*') return { path: '*', method };
  if (!p.startsWith('/') || p.includes('*')) return { method };
  if (p === '/') return { path: '/', method };
  const rest = p.slice(1);
  if (rest.startsWith('~1')) return { path: rest.replace(/~1/g, '/'), method };
  // `/orders`: AWS's own Stage example uses it; whether API Gateway reads it as /~1orders is UNCONFIRMED.
  return { path: '/' + rest.replace(/~1/g, '/'), method, unencoded: true };
}

export function stageLabel(stage: StageInfo): string {
  return stage.stageName.known ? stage.stageName.value : stage.resource;
}

/** Whether the stage may cache anything: a cluster not known off, and a caching setting on or not known off. */
export function stageCachesAnything(stage: StageInfo): boolean {
  if (stage.cluster.known && !stage.cluster.value) return false;
  const on = (c: Value<boolean> | undefined) => !!c && (!c.known || c.value);
  return stage.settings.some((s) => on(s.caching)) || on(stage.descriptionCaching?.caching);
}

/** Whether the stage certainly caches: a cluster and a caching setting both known on (messages say "may" otherwise). */
export function stageSurelyCaches(stage: StageInfo): boolean {
  const sure = (c: Value<boolean> | undefined) => !!c && c.known && c.value;
  return stage.cluster.known && stage.cluster.value && (stage.settings.some((s) => sure(s.caching)) || sure(stage.descriptionCaching?.caching));
}

/** The stage-wide setting: `/*` + `*` entries and StageDescription.CachingEnabled (every entry counts; any on = on). */
export type StageWide = { on: boolean | undefined; why?: Value<boolean>; ttl?: Value<number>; at: SourceLocation; caveats: string[] } | undefined;

export function computeStageWide(stage: StageInfo): StageWide {
  const entries = stage.settings.filter((s) => s.path === '*' && s.method === '*' && (s.caching || s.ttl));
  const candidates: { caching?: Value<boolean>; ttl?: Value<number>; at: SourceLocation; fromDescription?: boolean }[] = [...entries];
  if (stage.descriptionCaching) candidates.push({ ...stage.descriptionCaching, fromDescription: true });
  if (candidates.length === 0) return undefined;
  let unknownValue: Value<boolean> | undefined;
  for (const c of candidates) {
    const on = effectiveCaching(c.caching, c.ttl);
    if (on === undefined) continue;
    if (!on.known) unknownValue ??= on;
    else if (on.value) {
      const caveats = [STAGE_WIDE_CAVEAT];
      if (c.fromDescription)
        caveats.push(
          'That StageDescription.CachingEnabled is stored as the */* entry is UNCONFIRMED (docs/platforms/api-gateway.md#deployment-stagedescription)',
        );
      return { on: true, ttl: c.ttl, at: c.at, caveats };
    }
  }
  if (unknownValue) return { on: undefined, why: unknownValue, at: candidates[0].at, caveats: [STAGE_WIDE_CAVEAT] };
  return { on: false, at: candidates[0].at, caveats: [] };
}

/** CachingEnabled combined with TTL (TTL 0 disables caching); undefined when the entry does not say. */
export function effectiveCaching(caching: Value<boolean> | undefined, ttl: Value<number> | undefined): Value<boolean> | undefined {
  if (ttl?.known && ttl.value === 0) return known(false);
  return caching;
}
