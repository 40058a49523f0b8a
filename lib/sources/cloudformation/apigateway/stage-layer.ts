// The stage cache as a layer in front of one method: which verbs it caches (explicit MethodSettings first, §1.4, then
// the path or stage-wide `*` entries, read as GET-only), its TTL and its key.
import type { CacheLayer, Endpoint, Method, SourceLocation, Value } from '../../../model';
import { ALL_METHODS, UNSAFE_METHODS, isUnsafe, known, unknown } from '../../../model';
import type { TemplateReader } from '../template';
import type { ApiIndex } from './api-index';
import { selectingParams, type ApiInfo, type ApiMethod, type SettingEntry, type StageInfo } from './api-model';
import { STAGE_WIDE_CAVEAT, effectiveCaching, stageLabel, type StageWide } from './stages';

const DEFAULT_TTL = 300;
const ANY_CAVEAT = 'How caching treats requests routed through an ANY method is UNCONFIRMED (docs/platforms/api-gateway.md#any-and-proxy)';

/** One endpoint: (stage, path, method) with the stage cache layer when the cluster can cache it. */
export function endpointFor(reader: TemplateReader, index: ApiIndex, api: ApiInfo, stage: StageInfo | undefined, m: ApiMethod): Endpoint {
  // ANY catches the verbs the resource does not declare itself (docs/platforms/api-gateway.md#any-and-proxy).
  const declared = new Set(
    index
      .methodsOn(api, m.path)
      .filter((x) => x.httpMethod !== 'ANY')
      .map((x) => x.httpMethod),
  );
  const methods: Method[] = m.httpMethod === 'ANY' ? ALL_METHODS.filter((v) => !declared.has(v)) : [m.httpMethod];
  const findingId = `${m.path === '/' ? '' : m.path}/${m.httpMethod}`;
  const endpoint: Endpoint = {
    platform: 'apigateway',
    resource: stage?.resource ?? api.id,
    route: `${m.httpMethod} ${m.path}`,
    findingId,
    methods: known(methods),
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
    const layer = stageLayer({ reader, index, stage, m, methods });
    if (layer) endpoint.caches.push(layer);
  }
  return endpoint;
}

/** One (stage, method) whose stage cache layer is being decided. */
interface LayerInput {
  reader: TemplateReader;
  index: ApiIndex;
  stage: StageInfo;
  m: ApiMethod;
  /** The verbs the method serves (ANY: those the resource does not declare itself). */
  methods: Method[];
}

/** What the settings on the method's own path say, per verb: explicit on / off / unknown. */
interface Explicit {
  explicitOn: Map<Method, SettingEntry>;
  explicitOff: Set<Method>;
  explicitUnknown?: { s: SettingEntry; v: Value<boolean> };
  /** `<path>` + `*` entries (a specific path with HttpMethod *). */
  pathStar: SettingEntry[];
}

function stageLayer(input: LayerInput): CacheLayer | undefined {
  const { index, stage, m, methods } = input;
  if (stage.cluster.known && !stage.cluster.value) return undefined;
  const explicit = explicitSettings(index.settingsOn(stage, m.path), m, methods);
  const { explicitOn, explicitOff, explicitUnknown, pathStar } = explicit;
  const wide = index.stageWide(stage);
  if (explicitOn.size > 0 || (explicitUnknown && methods.some((v) => !explicitOff.has(v)))) return methodLayer(input, explicit, wide);
  // Pinned off explicitly: the stage cache stores nothing for this method, but it still sits in front of it (CL003).
  const pathWildcardOn = pathStar.find((s) => {
    const c = effectiveCaching(s.caching, s.ttl);
    return c?.known === true && c.value;
  });
  if (wide?.on || pathWildcardOn) return wildcardLayer(input, explicit, wide, pathWildcardOn);
  if (wide && wide.on === undefined && wide.why) unresolvedForReads(input, wide.why);
  return undefined;
}

// Per verb: explicit on / off / unknown (every entry counts: any on wins, §6 "evaluate every entry").
function explicitSettings(onPath: SettingEntry[], m: ApiMethod, methods: Method[]): Explicit {
  const own = onPath.filter((s) => s.method && s.method !== '*' && (s.method === m.httpMethod || m.httpMethod === 'ANY'));
  const pathStar = onPath.filter((s) => s.method === '*');
  const isAny = m.httpMethod === 'ANY';
  const explicitOn = new Map<Method, SettingEntry>();
  const explicitOff = new Set<Method>();
  let explicitUnknown: { s: SettingEntry; v: Value<boolean> } | undefined;
  for (const s of own) {
    const c = effectiveCaching(s.caching, s.ttl);
    if (!c) continue;
    const verbs: Method[] = (s.method === 'ANY' ? (isAny ? [...ALL_METHODS] : []) : [s.method as Method]).filter((v) => methods.includes(v));
    if (!isAny && s.method !== m.httpMethod) continue;
    for (const v of verbs) {
      if (!c.known) explicitUnknown ??= { s, v: c };
      else if (c.value) explicitOn.set(v, s);
      else explicitOff.add(v);
    }
  }
  for (const v of explicitOn.keys()) explicitOff.delete(v);
  for (const s of pathStar) {
    const c = effectiveCaching(s.caching, s.ttl);
    if (c?.known && !c.value) for (const v of methods) if (!explicitOn.has(v)) explicitOff.add(v);
  }
  return { explicitOn, explicitOff, explicitUnknown, pathStar };
}

/** An explicit per-method setting decides for this method (§1.4). */
function methodLayer(input: LayerInput, { explicitOn, explicitOff, explicitUnknown }: Explicit, wide: StageWide): CacheLayer | undefined {
  const { stage, m, methods } = input;
  const label = stageLabel(stage);
  const clusterUnknown = !stage.cluster.known ? stage.cluster : undefined;
  const first = explicitOn.values().next().value ?? explicitUnknown!.s;
  const caveats = m.httpMethod === 'ANY' ? [ANY_CAVEAT] : [];
  let cached: Value<Method[]>;
  if (clusterUnknown) cached = unknown(`the cache cluster (CacheClusterEnabled) of stage ${label}: ${clusterUnknown.why}`, clusterUnknown.at);
  else if (explicitUnknown && explicitOn.size === 0 && !explicitUnknown.v.known) cached = unknown(explicitUnknown.v.why, explicitUnknown.v.at);
  else {
    const verbs = new Set<Method>(explicitOn.keys());
    if (wide?.on) for (const v of ['GET', 'HEAD'] as Method[]) if (methods.includes(v) && !explicitOff.has(v)) verbs.add(v);
    cached = known(ALL_METHODS.filter((v) => verbs.has(v)));
  }
  if (!methods.some(isUnsafe) && !cached.known) {
    unresolvedForReads(input, cached);
    return undefined;
  }
  const layer = cacheLayer(input, explicitOff, first.at, 'method', cached, first.ttl ?? wide?.ttl, caveats);
  if (first.fixPath && first.method) layer.fixTargets = { methodSetting: { ...first.fixPath, httpMethod: first.method } };
  return layer;
}

/** `<path>` + `*` or the stage-wide `*` + `*` caches the reads (GET-only, UNCONFIRMED at runtime). */
function wildcardLayer(input: LayerInput, { explicitOff }: Explicit, wide: StageWide, pathWildcardOn: SettingEntry | undefined): CacheLayer | undefined {
  const { stage, m, methods } = input;
  const label = stageLabel(stage);
  const clusterUnknown = !stage.cluster.known ? stage.cluster : undefined;
  const isAny = m.httpMethod === 'ANY';
  const reads = (['GET', 'HEAD'] as Method[]).filter((v) => methods.includes(v) && !explicitOff.has(v));
  if (clusterUnknown) {
    unresolvedForReads(input, unknown(`the cache cluster (CacheClusterEnabled) of stage ${label}: ${clusterUnknown.why}`, clusterUnknown.at));
    return undefined;
  }
  const at = pathWildcardOn?.at ?? wide!.at;
  const caveats = [...(wide?.caveats ?? [STAGE_WIDE_CAVEAT]), ...(isAny ? [ANY_CAVEAT] : [])];
  const layer = cacheLayer(input, explicitOff, at, 'stage-wide', known(reads.length ? ['GET', 'HEAD'] : []), pathWildcardOn?.ttl ?? wide?.ttl, caveats);
  // One setting for many methods: findings it causes are one per stage (or path), not one per method.
  layer.id = `${pathWildcardOn ? `${m.path === '/' ? '' : m.path}/*` : '*/*'}@${label}`;
  if (stage.settingsFixPath) layer.fixTargets = { methodSettings: stage.settingsFixPath };
  return layer;
}

/** What the method's cache key covers: missing selectors, the caller's identity, the body. */
function keyOf(m: ApiMethod) {
  const cacheKey = m.cacheKey;
  const covered = new Set<string>();
  if (cacheKey.known)
    for (const k of cacheKey.value) {
      covered.add(k);
      if (Object.hasOwn(m.integrationParams, k) && m.integrationParams[k]) covered.add(m.integrationParams[k]);
    }
  const keyMissing = cacheKey.known ? selectingParams(m).filter((p) => !covered.has(p)) : [];
  const sources = m.identitySources.map((x) => x.toLowerCase());
  const identityInKey = [...covered].some(
    (k) => /^method\.request\.header\.authorization$/i.test(k) || sources.includes(k.toLowerCase()) || /^context\.(authorizer|identity)\./.test(k),
  );
  // The authorizer's identity source is the evidence that responses depend on the caller (CL004). AWS_IAM has none
  // worth keying: its Authorization is a per-request SigV4 signature.
  const identityNotKeyed =
    m.authenticated.known && m.authenticated.value && !identityInKey && m.authorizationType !== 'AWS_IAM'
      ? m.identitySources.length
        ? m.identitySources
        : [`the identity source of the ${m.authorizationType ?? 'method'} authorizer (not readable from this template)`]
      : undefined;
  const bodyInKey =
    cacheKey.known && cacheKey.value.some((k) => /^method\.request\.body/.test(Object.hasOwn(m.integrationParams, k) ? m.integrationParams[k] : ''));
  const keyIncludesIdentity: Value<boolean> = !m.authenticated.known ? unknown(m.authenticated.why, m.at) : known(!m.authenticated.value || identityInKey);
  return { keyMissing, identityNotKeyed, bodyInKey, keyIncludesIdentity };
}

function cacheLayer(
  { stage, m }: LayerInput,
  explicitOff: Set<Method>,
  at: SourceLocation,
  scope: string,
  cached: Value<Method[]>,
  ttl: Value<number> | undefined,
  caveats: string[],
): CacheLayer {
  const label = stageLabel(stage);
  const cacheKey = m.cacheKey;
  const { keyMissing, identityNotKeyed, bodyInKey, keyIncludesIdentity } = keyOf(m);
  const t = ttl?.known ? ttl.value : DEFAULT_TTL;
  const layer: CacheLayer = {
    kind: 'apigateway-stage-cache',
    name: scope === 'stage-wide' ? `stage ${label} cache (*/*)` : `stage ${label}: MethodSetting ${m.path} ${explicitVerbs(cached)}`,
    at,
    scope,
    cachedMethods: cached,
    ttl: ttl && !ttl.known ? unknown(ttl.why, ttl.at) : known({ min: 0, default: t, max: t }),
    honorsOriginNoStore: known(false), // §1.12: assumed not honoured; rely on CachingEnabled
    key: cacheKey.known ? known(bodyInKey ? [...cacheKey.value, 'body'] : cacheKey.value) : cacheKey,
    keyIncludesIdentity,
    keyMissing: keyMissing.length ? keyMissing : undefined,
    ...(identityNotKeyed ? { identityNotKeyed } : {}),
    caveats: caveats.length ? caveats : undefined,
    details: { stage: stage.resource, stageName: label, ...(bodyInKey ? { bodyInKey: 'true' } : {}) },
  };
  if (scope === 'stage-wide') layer.pinnedOffMethods = UNSAFE_METHODS.filter((v) => explicitOff.has(v));
  return layer;
}

function explicitVerbs(v: Value<Method[]>): string {
  return v.known ? v.value.join('/') : '(unresolved)';
}

/** Stage-wide caching that cannot be resolved: it decides CL004/CL007 for the methods, reported once per stage. */
function unresolvedForReads({ reader, index, stage }: LayerInput, v: Value<unknown>): void {
  if (v.known) return;
  const findingId = `stage:${stage.resource}`;
  const reported = index.reportedStages;
  if (reported.has(stage.resource)) return;
  reported.add(stage.resource);
  reader.facts.push({
    kind: 'unresolved-setting',
    resource: stage.resource,
    route: `stage ${stageLabel(stage)}`,
    findingId,
    at: v.at,
    reason: { kind: 'stage-caching', stage: stageLabel(stage), why: v.why },
    blocks: ['CL004', 'CL007'],
    flavor: reader.flavor,
    platform: 'apigateway',
  });
}
