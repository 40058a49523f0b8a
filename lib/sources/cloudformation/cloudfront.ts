// CloudFront: one Endpoint per behaviour (DefaultCacheBehavior + CacheBehaviors[]) of every AWS::CloudFront::Distribution,
// with its cache as a layer (docs/platforms/cloudfront.md): a cache policy (managed ID or a template AWS::CloudFront::CachePolicy) or the
// legacy ForwardedValues fields. CloudFront never caches POST (§2.1); its risk is MinTTL > 0 (no-store ignored) and
// DefaultTTL applied to API responses without Cache-Control. When a behaviour's origin is a REST API of the same
// template, the layer is also put in front of every API endpoint that the behaviour serves (the whole path).
import type { CacheLayer, Endpoint, HeaderPolicy, Method, SourceLocation, Ttl, Value } from '../../model';
import { ALL_METHODS, carriesIdentity, known, unknown } from '../../model';
import { asBoolean, asNumber, asString, literalText, referencedIds, type Resolved } from './intrinsics';
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES, MANAGED_RESPONSE_HEADERS_POLICIES } from './managed-policies';
import { branchWhy, type TemplatePath, type TemplateReader } from './template';

const LEGACY_CAVEAT =
  'Legacy ForwardedValues TTL defaults (MinTTL 0, DefaultTTL 86400, MaxTTL 31536000): the MinTTL default is UNCONFIRMED (docs/platforms/cloudfront.md#ttls)';
const GET_HEAD: Method[] = ['GET', 'HEAD'];

interface OriginInfo {
  id: string;
  staticOrigin: boolean;
  /** A REST API of this template (logical id) and the OriginPath in front of it. */
  apiId?: string;
  originPath: string;
}

interface Behaviour {
  pattern?: string;
  /** Its PathPattern is decided at deploy time: shown as written, matched against nothing. */
  deployTime?: boolean;
  allowed: Value<Method[]>;
  originId?: string;
  layer?: CacheLayer;
  noStore: Value<HeaderPolicy | undefined>;
}

export interface ApiEndpointRef {
  stageName: Value<string>;
  endpoint: Endpoint;
}

export function cloudFrontEndpoints(reader: TemplateReader, apiEndpoints: Map<string, ApiEndpointRef[]>): Endpoint[] {
  const out: Endpoint[] = [];
  for (const [id] of reader.ofType('AWS::CloudFront::Distribution')) {
    const cfg = reader.obj(['Resources', id, 'Properties', 'DistributionConfig']);
    if (!cfg) {
      const n = reader.node(['Resources', id, 'Properties', 'DistributionConfig']);
      if (n && 'unresolved' in n)
        reader.facts.push({
          kind: 'unresolved-setting',
          resource: id,
          route: 'DistributionConfig',
          findingId: 'distribution',
          at: reader.at(n.path),
          message: `The DistributionConfig of ${id} cannot be resolved: ${n.unresolved.why}.`,
          blocks: ['CL002', 'CL003', 'CL005'],
          flavor: reader.flavor,
          platform: 'cloudfront',
        });
      continue;
    }
    const origins = readOrigins(reader, cfg.path, apiEndpoints);
    const behaviours: Behaviour[] = [];
    // Behaviours inside an unresolvable Fn::If: each branch is a behaviour some deploy gets, so each is judged.
    const entries = [...reader.items([...cfg.path, 'CacheBehaviors']), ...reader.alternatives([...cfg.path, 'DefaultCacheBehavior'])];
    const defaultFrom = entries.length - reader.alternatives([...cfg.path, 'DefaultCacheBehavior']).length;
    entries.forEach((entry, i) => {
      const isDefault = i >= defaultFrom;
      if (entry.unresolved !== undefined || !entry.value || typeof entry.value !== 'object') {
        reader.facts.push({
          kind: 'unresolved-setting',
          resource: id,
          route: isDefault ? 'DefaultCacheBehavior' : 'CacheBehavior',
          findingId: isDefault ? 'default' : `CacheBehaviors[${String(entry.path[entry.path.length - 1])}]`,
          at: reader.at(entry.path),
          message: `A cache behaviour of ${id} cannot be resolved${entry.unresolved ? `: ${entry.unresolved}` : ''}; its methods and cache are unknown.`,
          blocks: ['CL002', 'CL003', 'CL005'],
          flavor: reader.flavor,
          platform: 'cloudfront',
        });
        return;
      }
      const pattern = isDefault ? undefined : patternOf(reader, entry.path);
      const { endpoint, behaviour } = behaviourEndpoint(reader, id, entry.path, pattern, origins);
      if (entry.condition) endpoint.details = { ...endpoint.details, condition: `${entry.condition.name}=${entry.condition.branch}` };
      out.push(endpoint);
      if (pattern !== undefined && !reader.value([...entry.path, 'PathPattern'], asString)?.known) behaviour.deployTime = true;
      behaviours.push(behaviour);
    });
    linkApis(behaviours, origins, apiEndpoints);
  }
  return out;
}

/** The behaviour's PathPattern; an unresolvable one is labelled by its position and matches no API path. */
function patternOf(reader: TemplateReader, path: TemplatePath): string {
  const v = reader.value([...path, 'PathPattern'], asString);
  if (v?.known) return v.value;
  // As its author wrote it where that can be shown (`/${stage}/*` from a Join or Sub); it matches no API path.
  const shown = deployTimeText(reader.raw([...path, 'PathPattern']));
  return shown ?? `(unresolved PathPattern of CacheBehaviors[${String(path[path.length - 1])}])`;
}

/** `{Fn::Join: ['', ['/', {Ref: stage}, '/*']]}` → `/${stage}/*`; a Sub string as written; undefined otherwise. */
function deployTimeText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.Ref === 'string') return `\${${o.Ref}}`;
  if (typeof o['Fn::Sub'] === 'string') return o['Fn::Sub'];
  if (Array.isArray(o['Fn::Sub']) && typeof o['Fn::Sub'][0] === 'string') return o['Fn::Sub'][0];
  const join = o['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map(deployTimeText);
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const att = o['Fn::GetAtt'];
  if (Array.isArray(att) && att.every((a) => typeof a === 'string')) return `\${${att.join('.')}}`;
  return undefined;
}

function readOrigins(reader: TemplateReader, cfgPath: TemplatePath, apis: Map<string, ApiEndpointRef[]>): Map<string, OriginInfo> {
  const origins = new Map<string, OriginInfo>();
  for (const o of reader.items([...cfgPath, 'Origins'])) {
    if (!o.value || typeof o.value !== 'object') continue;
    const v = o.value as Record<string, unknown>;
    const id = asString(reader.resolver.resolve(v.Id));
    if (!id.known) continue;
    const domainRaw = v.DomainName;
    const domain = asString(reader.resolver.resolve(domainRaw));
    const refs = referencedIds(domainRaw);
    const text = domain.known ? domain.value : literalText(domainRaw);
    const refTypes = [...refs].map((r) => reader.typeOf(r));
    const staticOrigin =
      v.S3OriginConfig !== undefined ||
      oacOriginType(reader, v.OriginAccessControlId) === 's3' ||
      /\.s3[.-]|\.s3\.amazonaws\.com|s3-website|\.s3$/i.test(text) ||
      refTypes.includes('AWS::S3::Bucket') && !refTypes.some((t) => t && /ApiGateway|Serverless::Api|Lambda/.test(t));
    const apiId = [...refs].find((r) => apis.has(r) && (/execute-api/.test(text) || /ApiGateway::RestApi|Serverless::Api/.test(reader.typeOf(r) ?? '') || r === 'ServerlessRestApi'));
    const originPath = asString(reader.resolver.resolve(v.OriginPath));
    origins.set(id.value, { id: id.value, staticOrigin: staticOrigin && !apiId, apiId, originPath: originPath.known ? originPath.value.replace(/\/$/, '') : '' });
  }
  // Origin groups: static when every member is.
  for (const g of reader.items([...cfgPath, 'OriginGroups', 'Items'])) {
    const gv = g.value as Record<string, unknown> | undefined;
    const gid = asString(reader.resolver.resolve(gv?.Id));
    if (!gid.known) continue;
    const members = reader.items([...g.path, 'Members', 'Items']).map((m) => asString(reader.resolver.resolve((m.value as Record<string, unknown>)?.OriginId)));
    const infos = members.map((m) => (m.known ? origins.get(m.value) : undefined));
    origins.set(gid.value, {
      id: gid.value,
      staticOrigin: infos.length > 0 && infos.every((i) => i?.staticOrigin),
      apiId: infos.find((i) => i?.apiId)?.apiId,
      originPath: infos.find((i) => i?.apiId)?.originPath ?? '',
    });
  }
  return origins;
}

/** OriginAccessControlOriginType of the template OAC an origin uses (`s3`, `lambda`, `mediastore`...): OAC alone is not S3. */
function oacOriginType(reader: TemplateReader, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const id = [...referencedIds(raw)].find((r) => reader.typeOf(r) === 'AWS::CloudFront::OriginAccessControl');
  if (!id) return undefined;
  const t = asString(reader.resolver.resolve(reader.raw(['Resources', id, 'Properties', 'OriginAccessControlConfig', 'OriginAccessControlOriginType'])));
  return t.known ? t.value.toLowerCase() : undefined;
}

function methodList(reader: TemplateReader, r: Resolved): Resolved<Method[]> {
  if (!r.known) return r;
  const l = reader.resolver.list(r.value);
  if (!l.known) return l;
  const out = new Set<Method>();
  for (const m of l.value) {
    const up = String(m).toUpperCase();
    if (!(ALL_METHODS as readonly string[]).includes(up)) return { known: false, why: `${String(m)} is not an HTTP method` };
    out.add(up as Method);
  }
  return { known: true, value: ALL_METHODS.filter((m) => out.has(m)) }; // compared as sets, canonical order
}

function behaviourEndpoint(
  reader: TemplateReader,
  distribution: string,
  path: TemplatePath,
  pattern: string | undefined,
  origins: Map<string, OriginInfo>,
): { endpoint: Endpoint; behaviour: Behaviour } {
  const b = (reader.raw(path) ?? {}) as Record<string, unknown>;
  const allowed = reader.value([...path, 'AllowedMethods'], (r) => methodList(reader, r)) ?? known(GET_HEAD);
  const originId = asString(reader.resolver.resolve(b.TargetOriginId));
  const origin = originId.known ? origins.get(originId.value) : undefined;
  const layer = cacheLayer(reader, path);
  const noStore = responseHeadersNoStore(reader, path);
  const endpoint: Endpoint = {
    platform: 'cloudfront',
    resource: distribution,
    route: behaviourName(reader.flavor, pattern),
    findingId: pattern ?? 'default',
    methods: allowed,
    paths: [normalisePattern(pattern ?? '/*')],
    at: reader.at(path),
    caches: layer ? [layer] : [],
    noStore,
    staticOrigin: origin?.staticOrigin || undefined,
    flavor: reader.flavor,
    details: {
      distribution,
      behavior: pattern ?? 'default',
      ...(originId.known ? { origin: originId.value } : {}),
      ...(b.OriginRequestPolicyId !== undefined ? { originRequestPolicy: 'set' } : {}),
    },
  };
  return { endpoint, behaviour: { pattern, allowed, originId: originId.known ? originId.value : undefined, layer, noStore } };
}

/** A behaviour as its author wrote it: `DefaultCacheBehavior` / `CacheBehaviors /api/*` in a template, the
 *  Distribution props `defaultBehavior` / `additionalBehaviors['/api/*']` in a CDK app. */
function behaviourName(flavor: string, pattern: string | undefined): string {
  if (flavor === 'cdk') return pattern === undefined ? 'defaultBehavior' : `additionalBehaviors['${pattern}']`;
  return pattern === undefined ? 'DefaultCacheBehavior' : `CacheBehaviors ${pattern}`;
}

function normalisePattern(p: string): string {
  return p.startsWith('/') ? p : '/' + p;
}

/** The cache of one behaviour: CachePolicyId (managed or template policy) or legacy ForwardedValues. */
function cacheLayer(reader: TemplateReader, path: TemplatePath): CacheLayer | undefined {
  const layer = cacheLayerOf(reader, path);
  const behavior = reader.valuePath(path);
  if (layer && behavior) layer.fixTargets = { ...layer.fixTargets, behavior };
  return layer;
}

function cacheLayerOf(reader: TemplateReader, path: TemplatePath): CacheLayer | undefined {
  const b = (reader.raw(path) ?? {}) as Record<string, unknown>;
  const cachedMethods = reader.value([...path, 'CachedMethods'], (r) => methodList(reader, r)) ?? known(GET_HEAD);
  const forwarded = originRequestForwards(reader, path);
  // null / AWS::NoValue count as absent: the behaviour then uses its legacy fields.
  const id = b.CachePolicyId !== undefined ? reader.value([...path, 'CachePolicyId'], asString) : undefined;
  if (id) {
    const at = reader.at([...path, 'CachePolicyId']);
    const refId = templatePolicy(reader, b.CachePolicyId, 'AWS::CloudFront::CachePolicy');
    if (refId) return withForwarded(templatePolicyLayer(reader, refId, at, cachedMethods), forwarded);
    if (!id.known)
      return layerOf('cloudfront-cache-policy', 'cache policy (unresolved)', at, cachedMethods, unknown(`the cache policy ${id.why}`, id.at), unknown(id.why, id.at), known(true));
    const managed = MANAGED_CACHE_POLICIES[id.value.trim().toLowerCase()];
    if (!managed) {
      const why = `cache policy ${id.value} is not an AWS managed policy cachelint knows and not defined in this template`;
      return layerOf('cloudfront-cache-policy', `cache policy ${id.value}`, at, cachedMethods, unknown(why, at), unknown(why, at), known(true));
    }
    const layer = layerOf('cloudfront-cache-policy', managed.name, at, cachedMethods, known(managed.ttl), known(managed.key), known(true));
    layer.caveats = managed.caveats;
    layer.details = { policyId: id.value, policy: managed.name };
    return withForwarded(layer, forwarded);
  }
  // Legacy cache settings on the behaviour (§2.2).
  const at = reader.at([...path, b.ForwardedValues !== undefined ? 'ForwardedValues' : 'TargetOriginId']);
  const num = (key: string, dflt: number): Value<number> => reader.value([...path, key], asNumber) ?? known(dflt);
  const min = num('MinTTL', 0);
  const def = num('DefaultTTL', 86400);
  const max = num('MaxTTL', 31536000);
  const headers = reader.value([...path, 'ForwardedValues', 'Headers'], (r) => {
    const l = r.known ? reader.resolver.list(r.value) : r;
    return l.known ? { known: true, value: l.value.map((h) => String(h).toLowerCase()) } : l;
  });
  const ttl = combineTtl(min, def, max);
  const key: string[] = [];
  if (headers?.known) key.push(...headers.value.map((h) => `header:${h}`));
  const qs = reader.value([...path, 'ForwardedValues', 'QueryString'], asBoolean);
  if (qs?.known && qs.value) {
    const qsKeys = namesAt(reader, [...path, 'ForwardedValues', 'QueryStringCacheKeys']);
    key.push(...keyEntries('querystring', qsKeys.length ? 'whitelist' : 'all', qsKeys));
  }
  const cookies = reader.value([...path, 'ForwardedValues', 'Cookies', 'Forward'], asString);
  if (cookies?.known) key.push(...keyEntries('cookie', cookies.value, namesAt(reader, [...path, 'ForwardedValues', 'Cookies', 'WhitelistedNames'])));
  const allHeaders = headers?.known && headers.value.includes('*');
  const layer = layerOf(
    'cloudfront-forwarded-values',
    'ForwardedValues (legacy cache settings)',
    at,
    allHeaders ? known([]) : cachedMethods,
    ttl,
    known(key),
    known(true), // legacy: every forwarded header is in the key
  );
  layer.caveats = [LEGACY_CAVEAT, ...(allHeaders ? ["Headers ['*'] disables caching (docs/platforms/cloudfront.md#ttls)"] : [])];
  if (allHeaders) layer.ttl = known({ min: 0, default: 0, max: 0 });
  if (allHeaders) layer.honorsOriginNoStore = known(true);
  return layer;
}

/** The names a whitelist lists (query strings, cookies), as written. */
function namesAt(reader: TemplateReader, path: TemplatePath): string[] {
  return reader.items(path).map((i) => String(i.value));
}

/**
 * Cache key entries of one request part by its behaviour: `all` → `cookie:*`; `whitelist` → one entry per name;
 * `allExcept` → `cookie:* except a, b`; `none` → nothing.
 */
function keyEntries(part: 'querystring' | 'cookie', behaviour: string, names: string[]): string[] {
  if (behaviour === 'none') return [];
  if (behaviour === 'whitelist') return names.map((n) => `${part}:${n}`);
  if (behaviour === 'allExcept') return [`${part}:* except ${names.join(', ')}`];
  return [`${part}:*`];
}

function combineTtl(min: Value<number>, def: Value<number>, max: Value<number>): Value<Ttl> {
  for (const v of [min, def, max]) if (!v.known) return v as Value<never>;
  return known({ min: (min as { value: number }).value, default: (def as { value: number }).value, max: (max as { value: number }).value });
}

function layerOf(
  kind: CacheLayer['kind'],
  name: string,
  at: SourceLocation,
  cachedMethods: Value<Method[]>,
  ttl: Value<Ttl>,
  key: Value<string[]>,
  keyIncludesIdentity: Value<boolean>,
): CacheLayer {
  // MaxTTL 0 (CachingDisabled): nothing is stored.
  const stores = !ttl.known || ttl.value.max > 0 || ttl.value.default > 0;
  return {
    kind,
    name,
    at,
    scope: 'behavior',
    cachedMethods: stores ? cachedMethods : known([]),
    ttl,
    honorsOriginNoStore: ttl.known ? known(ttl.value.min === 0) : ttl,
    key,
    keyIncludesIdentity,
  };
}

function templatePolicyLayer(reader: TemplateReader, policyId: string, at: SourceLocation, cachedMethods: Value<Method[]>): CacheLayer {
  const base: TemplatePath = ['Resources', policyId, 'Properties', 'CachePolicyConfig'];
  const num = (k: string, dflt?: number): Value<number> => reader.value([...base, k], asNumber) ?? (dflt !== undefined ? known(dflt) : unknown(`${policyId} has no ${k}`, reader.at(base)));
  const ttl = combineTtl(num('MinTTL'), num('DefaultTTL', 86400), num('MaxTTL', 31536000));
  const p: TemplatePath = [...base, 'ParametersInCacheKeyAndForwardedToOrigin'];
  const key: string[] = [];
  const headerBehavior = reader.value([...p, 'HeadersConfig', 'HeaderBehavior'], asString);
  const headers = reader.items([...p, 'HeadersConfig', 'Headers']).map((h) => String(h.value).toLowerCase());
  if (headerBehavior?.known && headerBehavior.value === 'whitelist') key.push(...headers.map((h) => `header:${h}`));
  const qs = reader.value([...p, 'QueryStringsConfig', 'QueryStringBehavior'], asString);
  if (qs?.known) key.push(...keyEntries('querystring', qs.value, namesAt(reader, [...p, 'QueryStringsConfig', 'QueryStrings'])));
  const ck = reader.value([...p, 'CookiesConfig', 'CookieBehavior'], asString);
  if (ck?.known) key.push(...keyEntries('cookie', ck.value, namesAt(reader, [...p, 'CookiesConfig', 'Cookies'])));
  // A CDK user edits the CachePolicy construct, not the Distribution line that points at it.
  const policyPath = reader.at(['Resources', policyId]).constructPath;
  const layer = layerOf('cloudfront-cache-policy', policyPath ? `CachePolicy ${policyPath}` : `CachePolicy ${policyId}`, at, cachedMethods, ttl, known(key), known(true));
  layer.details = { policy: policyId, ...(policyPath ? { policyPath } : {}) };
  const config = reader.valuePath(base);
  if (config) layer.fixTargets = { cachePolicyConfig: config };
  return layer;
}

/**
 * The logical id of a policy of this template that a behaviour points at: `!Ref P`, `!GetAtt P.Id`, `!Sub ${P}` or
 * `!Sub ${P.Id}` (all give the policy id). Undefined for managed IDs, parameters and anything else.
 */
export function templatePolicy(reader: TemplateReader, raw: unknown, type: string): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  let id: string | undefined;
  if (typeof r.Ref === 'string') id = r.Ref;
  const ga = r['Fn::GetAtt'];
  const parts = Array.isArray(ga) ? ga : typeof ga === 'string' ? ga.split('.') : undefined;
  if (parts && parts.length === 2 && parts[1] === 'Id' && typeof parts[0] === 'string') id = parts[0];
  if (typeof r['Fn::Sub'] === 'string') {
    const m = /^\$\{([^}.!]+)(\.Id)?\}$/.exec((r['Fn::Sub'] as string).trim());
    if (m) id = m[1];
  }
  return id !== undefined && reader.typeOf(id) === type ? id : undefined;
}

/** What an origin request policy sends to the origin: `all`, or the lower-case names. */
interface Forwarded {
  headers: 'all' | string[];
  cookies: 'all' | string[];
  queryStrings: 'all' | string[];
}

/**
 * The behaviour's origin request policy (template or managed); undefined when there is none or it cannot be read.
 * Authorization is never in it: AWS rejects an origin request policy that forwards it (HTTP 400), so a template one
 * that lists it does not deploy and the name is dropped here.
 */
function originRequestForwards(reader: TemplateReader, path: TemplatePath): Forwarded | undefined {
  const raw = (reader.raw(path) as Record<string, unknown> | undefined)?.OriginRequestPolicyId;
  if (raw === undefined) return undefined;
  const ref = templatePolicy(reader, raw, 'AWS::CloudFront::OriginRequestPolicy');
  if (ref) {
    const base: TemplatePath = ['Resources', ref, 'Properties', 'OriginRequestPolicyConfig'];
    const part = (config: string, behaviourKey: string, listKey: string): 'all' | string[] => {
      const b = asString(reader.resolver.resolve(reader.raw([...base, config, behaviourKey])));
      if (!b.known) return [];
      if (/^all/.test(b.value)) return 'all'; // all, allViewer, allViewerAndWhitelistCloudFront, allExcept
      if (b.value !== 'whitelist') return [];
      return namesAt(reader, [...base, config, listKey]).map((n) => n.toLowerCase());
    };
    return {
      headers: part('HeadersConfig', 'HeaderBehavior', 'Headers'),
      cookies: part('CookiesConfig', 'CookieBehavior', 'Cookies'),
      queryStrings: part('QueryStringsConfig', 'QueryStringBehavior', 'QueryStrings'),
    };
  }
  const id = asString(reader.resolver.resolve(raw));
  const managed = id.known ? MANAGED_ORIGIN_REQUEST_POLICIES[id.value.trim().toLowerCase()] : undefined;
  if (!managed) return undefined;
  return {
    headers: managed.headers === 'allViewer' ? 'all' : managed.headers,
    cookies: managed.cookies === 'all' ? 'all' : [],
    queryStrings: managed.queryStrings === 'all' ? 'all' : [],
  };
}

/**
 * What the origin request policy sends that the cache key leaves out (`cookie:*`, `header:x-user-id`, `header:*`,
 * `querystring:*`): the origin can answer by it while the cache serves one entry for every value. The key separates
 * callers unless a cookie or an identity header is among them.
 */
function withForwarded(layer: CacheLayer, forwarded: Forwarded | undefined): CacheLayer {
  if (!forwarded || !layer.key.known) return layer;
  const key = layer.key.value;
  const out: string[] = [];
  for (const [part, sent] of [['header', forwarded.headers], ['cookie', forwarded.cookies], ['querystring', forwarded.queryStrings]] as const) {
    if (key.some((k) => k.startsWith(`${part}:*`))) continue; // the key already varies on every value
    if (sent === 'all') out.push(`${part}:*`);
    else for (const n of sent) if (n !== 'authorization' && !key.includes(`${part}:${n}`)) out.push(`${part}:${n}`);
  }
  if (out.length === 0) return layer;
  layer.forwardedNotKeyed = out;
  layer.keyIncludesIdentity = known(!out.some(carriesIdentity));
  return layer;
}

/** ResponseHeadersPolicyId → a Cache-Control custom header containing no-store with Override: true (§2.5). */
function responseHeadersNoStore(reader: TemplateReader, path: TemplatePath): Value<HeaderPolicy | undefined> {
  const raw = (reader.raw(path) as Record<string, unknown> | undefined)?.ResponseHeadersPolicyId;
  if (raw === undefined) return known(undefined);
  const at = reader.at([...path, 'ResponseHeadersPolicyId']);
  const ref = templatePolicy(reader, raw, 'AWS::CloudFront::ResponseHeadersPolicy');
  if (ref) {
    const items = reader.items(['Resources', ref, 'Properties', 'ResponseHeadersPolicyConfig', 'CustomHeadersConfig', 'Items']);
    // Override: false keeps the origin's Cache-Control where it sent one: a partial policy, unless an item overrides.
    let keepsOrigin: HeaderPolicy | undefined;
    for (const item of items) {
      if (item.unresolved !== undefined) return unknown(`a custom header of ${ref} cannot be resolved: ${item.unresolved}`, reader.at(item.path));
      const header = reader.value([...item.path, 'Header'], asString);
      if (!header?.known || header.value.toLowerCase() !== 'cache-control') continue;
      const value = reader.value([...item.path, 'Value'], asString);
      const override = reader.value([...item.path, 'Override'], asBoolean);
      const itemAt = reader.at(item.path);
      if (!value || !override) continue;
      if (!value.known) return unknown(value.why, value.at);
      if (!override.known) return unknown(override.why, override.at);
      if (/no-store/i.test(value.value) && override.value && item.condition)
        return unknown(`the Cache-Control: ${value.value} header of ${ref}: ${branchWhy(item.condition)}`, itemAt);
      if (/no-store/i.test(value.value) && override.value)
        return known({ cacheControl: value.value, at: itemAt, source: `ResponseHeadersPolicy ${ref}` });
      if (/no-store/i.test(value.value) && !item.condition)
        keepsOrigin ??= {
          cacheControl: value.value,
          at: reader.at([...item.path, 'Override']),
          source: `ResponseHeadersPolicy ${ref}`,
          partial: {
            kind: 'override-false',
            setting: `ResponseHeadersPolicy ${ref}`,
            missing: 'Override: true',
            leaves: "responses whose origin sends a Cache-Control keep the origin's value (CloudFront adds the custom header only when the origin sent none)",
          },
        };
    }
    return known(keepsOrigin);
  }
  const id = asString(reader.resolver.resolve(raw));
  if (!id.known) return unknown(`the response headers policy ${id.why}`, at);
  if (MANAGED_RESPONSE_HEADERS_POLICIES[id.value.toLowerCase()]) return known(undefined); // managed: no Cache-Control (UNCONFIRMED, §2.4)
  return unknown(`response headers policy ${id.value} is not defined in this template: whether it sets Cache-Control is unknown`, at);
}

/** CloudFront path pattern match: `*` any characters (slashes included), `?` one character. */
export function patternMatches(pattern: string, path: string): boolean {
  const re = new RegExp('^' + normalisePattern(pattern).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(path);
}

/** Puts each behaviour's layer in front of the API endpoints it serves (first matching behaviour wins). */
function linkApis(behaviours: Behaviour[], origins: Map<string, OriginInfo>, apiEndpoints: Map<string, ApiEndpointRef[]>): void {
  for (const origin of origins.values()) {
    if (!origin.apiId) continue;
    for (const ref of apiEndpoints.get(origin.apiId) ?? []) {
      if (!ref.stageName.known || !ref.stageName.value) continue;
      const sample = (ref.endpoint.paths[0] ?? '/').replace(/\{[^}]+\}/g, 'x');
      const viewer = viewerPath(origin, ref.stageName.value, sample);
      if (viewer === undefined) continue;
      // The first behaviour whose pattern matches decides; it serves this endpoint only if it goes to this origin.
      const b = behaviours.find((x) => x.pattern === undefined || (!x.deployTime && patternMatches(x.pattern, viewer)));
      if (!b || b.originId !== origin.id || !b.layer) continue;
      // CloudFront answers methods a behaviour does not allow with 403: only the allowed ones reach the API through it.
      const linked = frontLayer(b.layer, ref.endpoint);
      if (b.allowed.known && ref.endpoint.methods.known) {
        const allowed = b.allowed.value;
        if (!ref.endpoint.methods.value.some((m) => allowed.includes(m))) continue;
        if (ref.endpoint.methods.value.some((m) => !allowed.includes(m))) linked.admits = [...allowed];
      }
      ref.endpoint.caches.unshift(linked);
      if (ref.endpoint.noStore.known && ref.endpoint.noStore.value === undefined && b.noStore.known && b.noStore.value) ref.endpoint.noStore = b.noStore;
    }
  }
}

/**
 * The behaviour's layer as it sits in front of one API endpoint: an API authorizer header that the origin request
 * policy forwards but the cache key leaves out is caller identity the API answers by (`x-device-attestation`).
 */
function frontLayer(layer: CacheLayer, endpoint: Endpoint): CacheLayer {
  const out: CacheLayer = { ...layer, details: { ...layer.details, via: 'cloudfront' } };
  const fwd = layer.forwardedNotKeyed ?? [];
  const keyed = layer.key.known ? layer.key.value : [];
  const headers = (endpoint.authorizer?.identitySources ?? [])
    .map((src) => /^method\.request\.header\.(.+)$/i.exec(src)?.[1])
    .filter((h): h is string => !!h && h.toLowerCase() !== 'authorization')
    .filter((h) => !keyed.includes(`header:${h.toLowerCase()}`) && (fwd.includes('header:*') || fwd.includes(`header:${h.toLowerCase()}`)));
  if (headers.length) {
    out.identityNotKeyed = headers.map((h) => `header:${h}`);
    out.keyIncludesIdentity = known(false);
  }
  return out;
}

/** The viewer path that reaches `apiPath` on `stage` through this origin, or undefined when it cannot. */
function viewerPath(origin: OriginInfo | undefined, stage: string, apiPath: string): string | undefined {
  if (!origin?.apiId) return undefined;
  const prefix = `/${stage}`;
  if (!origin.originPath) return prefix + (apiPath === '/' ? '' : apiPath) || '/';
  if (origin.originPath === prefix) return apiPath;
  if (origin.originPath.startsWith(prefix + '/')) {
    const rest = origin.originPath.slice(prefix.length);
    return apiPath.startsWith(rest) ? apiPath.slice(rest.length) || '/' : undefined;
  }
  return undefined;
}

