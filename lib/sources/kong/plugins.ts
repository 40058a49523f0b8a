// Kong plugin truth (docs/platforms/kong.md): which plugins cache and how, which set Cache-Control, which identify callers.
// Reads only the normalised KongState (state.ts), so decK files and Kong Ingress manifests share it.
import type { CacheKind, CacheLayer, HeaderPolicy, Method, SourceLocation, Ttl, Value } from '../../model';
import { ALL_METHODS, known, unknown } from '../../model';
import { findPlaceholder, placeholderWhy } from './placeholders';
import { scopeId, scopeText } from './precedence';
import type { ConfigEntry, KongPlugin } from './state';
import { defineLazyLocation } from './state';

/** Kong plugins that identify a consumer (the proxy-cache key then includes its id). */
export const AUTH_PLUGINS = new Set([
  'key-auth',
  'key-auth-enc',
  'jwt',
  'basic-auth',
  'oauth2',
  'oauth2-introspection',
  'hmac-auth',
  'ldap-auth',
  'ldap-auth-advanced',
  'openid-connect',
  'mtls-auth',
  'session',
  'vault-auth',
  'header-cert-auth',
  'saml',
  'jwt-signer',
]);

export const NO_STORE_PLUGINS = ['response-transformer', 'response-transformer-advanced'];

/**
 * Whether an auth plugin instance authenticates without a Kong consumer: proxy-cache keys on
 * `kong.client.get_consumer()` only (`kong/plugins/proxy-cache/handler.lua`, `cache_key.lua` prefix_uuid), so such a
 * caller is not in the key. ldap-auth never maps a consumer (`kong/plugins/ldap-auth/access.lua` calls
 * `set_consumer(nil, credential)`); openid-connect maps one only with `consumer_claim`; mtls-auth and header-cert-auth
 * skip it with `skip_consumer_lookup: true`; ldap-auth-advanced allows none with `consumer_optional: true`.
 */
export function setsNoConsumer(inst: KongPlugin): boolean {
  const v = (k: string) => {
    const e = inst.config.get(k);
    return e && !e.unknownWhy ? e.value : undefined;
  };
  switch (inst.name) {
    case 'ldap-auth':
      return true;
    case 'openid-connect': {
      const claim = v('consumer_claim');
      return claim === undefined || claim === null || (Array.isArray(claim) && claim.length === 0);
    }
    case 'mtls-auth':
    case 'header-cert-auth':
      return v('skip_consumer_lookup') === true;
    case 'ldap-auth-advanced':
      return v('consumer_optional') === true;
    default:
      return false;
  }
}

const KNOWN_CACHES: Record<string, CacheKind> = {
  'proxy-cache': 'kong-proxy-cache',
  'proxy-cache-advanced': 'kong-proxy-cache',
  'graphql-proxy-cache-advanced': 'kong-graphql-proxy-cache',
  'ai-semantic-cache': 'kong-ai-semantic-cache',
};

/** The cache kind a plugin name stands for; third-party names that say they cache are unverified caches. */
export function cacheKindOf(name: string): CacheKind | undefined {
  return (Object.hasOwn(KNOWN_CACHES, name) ? KNOWN_CACHES[name] : undefined) ?? (/cache|cacher|caching/i.test(name) ? 'kong-unverified-cache' : undefined);
}

export const isRelevantPlugin = (name: string) => cacheKindOf(name) !== undefined || AUTH_PLUGINS.has(name) || NO_STORE_PLUGINS.includes(name);

/** Headers in a cache key that separate callers. */
const IDENTITY_HEADER =
  /^(authorization|proxy-authorization|cookie|x-api-key|api-?key|apikey|x-auth-token|x-access-token|x-consumer-id|x-consumer-username|x-credential-identifier|x-user-id|x-userinfo)$/i;

export interface PluginContext {
  /** Enabled auth plugins in effect on the route (consumer-less view). */
  identity: string[];
  /** Those of them that authenticate without a Kong consumer (see setsNoConsumer): the key does not hold the caller. */
  consumerless?: string[];
  /** An auth plugin in effect whose `enabled` cannot be known. */
  identityUnknown?: { why: string; at: SourceLocation };
}

/** A Value read from config: absent → the Kong default; unknowable or a placeholder → unknown; else the converter. */
function read<T>(cv: ConfigEntry | undefined, what: string, fallback: T, convert: (v: unknown) => T | { error: string }): Value<T> {
  if (cv?.unknownWhy) return unknown(`${cv.unknownWhy} (${what})`, cv.at);
  if (!cv || cv.value === null || cv.value === undefined) return known(fallback);
  const ph = findPlaceholder(cv.value);
  if (ph) return unknown(placeholderWhy(ph, what), cv.at);
  const out = convert(cv.value);
  if (out !== null && typeof out === 'object' && 'error' in (out as object) && !Array.isArray(out)) return unknown((out as { error: string }).error, cv.at);
  return known(out as T);
}

const asBool =
  (what: string) =>
  (v: unknown): boolean | { error: string } => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    return { error: `${what} is ${JSON.stringify(v)}, not a boolean` };
  };

const asTtl = (v: unknown): Ttl | { error: string } => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return { error: `cache_ttl is ${JSON.stringify(v)}, not a number` };
  return { min: 0, default: n, max: n };
};

const asStrings =
  (what: string) =>
  (v: unknown): string[] | { error: string } => {
    if (!Array.isArray(v)) return { error: `${what} is ${JSON.stringify(v)}, not a list` };
    return v.map((x) => String(x));
  };

const asMethods = (v: unknown): Method[] | { error: string } => {
  if (!Array.isArray(v)) return { error: `request_method is ${JSON.stringify(v)}, not a list` };
  const set = new Set(v.map((x) => String(x).trim().toUpperCase()));
  return ALL_METHODS.filter((m) => set.has(m));
};

/** The CacheLayer a caching plugin instance puts in front of a route. */
export function cacheLayerFor(inst: KongPlugin, ctx: PluginContext, extra: { findingSuffix?: string } = {}): CacheLayer {
  const kind = cacheKindOf(inst.name)!;
  const config = inst.config;
  const scope = scopeText(inst);
  const details = layerDetails(inst, scope, extra);
  const name = `${inst.name}${inst.resource ? ` ${inst.resource}` : ''} (${scopeText(inst, true)})`;
  // The setting a fix changes: the plugin instance (a KIC KongPlugin resource, however many services list it).
  const id = inst.resource ?? `${inst.name}@${scopeId(inst)}`;
  const caveats: string[] = [];

  const ttl = read(config.get('cache_ttl'), `the cache_ttl of ${inst.name}`, { min: 0, default: 300, max: 300 }, asTtl);
  const varyHeaders = read(config.get('vary_headers'), `the vary_headers of ${inst.name}`, [] as string[], asStrings('vary_headers'));
  const varyQuery = read<string[] | undefined>(
    config.get('vary_query_params'),
    `the vary_query_params of ${inst.name}`,
    undefined,
    asStrings('vary_query_params'),
  );

  if (kind === 'kong-unverified-cache') {
    // One reason for every field, so CL006 reports one finding per route for this plugin, not one per field.
    const why = `third-party plugin ${inst.name}: cachelint cannot verify which methods it caches`;
    const u = <T>() => unknown<T>(why, inst.at);
    return { kind, id, name, at: inst.at, scope, cachedMethods: u(), ttl: u(), honorsOriginNoStore: u(), key: u(), keyIncludesIdentity: u(), details };
  }

  const { cachedMethods, atOf } = cachedMethodsOf(inst, kind, details, caveats);

  const hasCacheControl = kind === 'kong-proxy-cache' || kind === 'kong-ai-semantic-cache';
  const cacheControl: Value<boolean> = hasCacheControl
    ? read(config.get('cache_control'), `the cache_control of ${inst.name}`, false, asBool('cache_control'))
    : known(false);
  if (!hasCacheControl) caveats.push(`${inst.name} has no cache_control setting: origin Cache-Control is assumed ignored (UNCONFIRMED)`);

  const consumerAuth = ctx.identity.filter((n) => !ctx.consumerless?.includes(n));
  const key = cacheKeyOf(inst, kind, varyHeaders, varyQuery, consumerAuth);

  const consumerScoped = !!(inst.scope.consumer || inst.scope.consumerGroup);
  if (consumerScoped) caveats.push(`runs only for requests a Kong auth plugin identifies as ${scope.split(' + ')[0]}`);
  const keyIncludesIdentity = keyIdentityOf(ctx, consumerAuth, consumerScoped, varyHeaders, hasCacheControl, cacheControl);

  // An auth plugin that identifies the caller without a consumer: evidence that responses depend on a caller the key leaves out.
  const identityNotKeyed =
    keyIncludesIdentity.known && !keyIncludesIdentity.value && ctx.consumerless?.length
      ? ctx.consumerless.map((n) => `${n} (authenticates without a Kong consumer)`)
      : undefined;

  const layer = {
    kind,
    id,
    name,
    scope,
    ...(identityNotKeyed ? { identityNotKeyed } : {}),
    cachedMethods,
    ttl,
    honorsOriginNoStore: cacheControl,
    key,
    keyIncludesIdentity,
    details,
  } as Omit<CacheLayer, 'at'> as CacheLayer;
  defineLazyLocation(layer, 'at', atOf);
  if (caveats.length) layer.caveats = caveats;
  if (inst.configPath) layer.fixTargets = { pluginConfig: inst.configPath };
  return layer;
}

function layerDetails(inst: KongPlugin, scope: string, extra: { findingSuffix?: string }): Record<string, string> {
  const details: Record<string, string> = {
    plugin: inst.name,
    scope,
    pluginIndexPath: inst.key,
  };
  if (inst.config.sharedFrom) details.pluginConfig = inst.config.sharedFrom;
  if (extra.findingSuffix) details.findingSuffix = extra.findingSuffix;
  return details;
}

/** Which methods the instance stores, and where the layer points (request_method when written, else the plugin's name). */
function cachedMethodsOf(
  inst: KongPlugin,
  kind: CacheKind,
  details: Record<string, string>,
  caveats: string[],
): { cachedMethods: Value<Method[]>; atOf: () => SourceLocation } {
  let cachedMethods: Value<Method[]>;
  // The layer points at request_method when it is written (that is the line to fix), else at the plugin's name.
  let atOf = (): SourceLocation => inst.at;
  if (kind === 'kong-proxy-cache') {
    const rm = inst.config.get('request_method');
    cachedMethods = read(rm, `the request_method of ${inst.name}`, ['GET', 'HEAD'] as Method[], asMethods);
    if (rm && rm.value !== null && rm.value !== undefined) {
      atOf = () => rm.at;
    } else details.requestMethod = 'default [GET, HEAD]';
  } else if (kind === 'kong-graphql-proxy-cache') {
    cachedMethods = known<Method[]>(['GET', 'POST']);
    caveats.push('whether graphql-proxy-cache-advanced skips mutations is UNCONFIRMED (docs/platforms/kong.md#other-caching-plugins)');
  } else {
    cachedMethods = known<Method[]>(['POST']);
  }
  if (!inst.enabled.known) {
    // Whether this instance runs at all is decided outside the file (a decK placeholder).
    cachedMethods = unknown(inst.enabled.why, inst.enabled.at);
  }
  return { cachedMethods, atOf };
}

/** Key: method + path always; then vary headers, query params (unset = all), the body for graphql/ai, the consumer. */
function cacheKeyOf(
  inst: KongPlugin,
  kind: CacheKind,
  varyHeaders: Value<string[]>,
  varyQuery: Value<string[] | undefined>,
  consumerAuth: string[],
): Value<string[]> {
  if (!varyHeaders.known) return varyHeaders;
  if (!varyQuery.known) return varyQuery;
  const k = [...varyHeaders.value];
  if (kind === 'kong-proxy-cache') k.push(...(varyQuery.value === undefined ? ['query:*'] : varyQuery.value.map((q) => `query:${q}`)));
  else k.push('body');
  if (consumerAuth.length || inst.scope.consumer || inst.scope.consumerGroup) k.push('consumer');
  return known(k);
}

/**
 * Callers share entries only when nothing separates them: no Kong auth plugin (no consumer id in the key), no
 * cache_control (with it, requests carrying Authorization bypass the cache), no identity header in vary_headers.
 * A consumer- or group-scoped instance runs only for an identified consumer, whose id Kong puts in the key.
 */
function keyIdentityOf(
  ctx: PluginContext,
  consumerAuth: string[],
  consumerScoped: boolean,
  varyHeaders: Value<string[]>,
  hasCacheControl: boolean,
  cacheControl: Value<boolean>,
): Value<boolean> {
  if (consumerAuth.length || consumerScoped) return known(true);
  if (!varyHeaders.known) return unknown(varyHeaders.why, varyHeaders.at);
  if (varyHeaders.value.some((h) => IDENTITY_HEADER.test(h.trim()))) return known(true);
  if (ctx.identityUnknown) return unknown(ctx.identityUnknown.why, ctx.identityUnknown.at);
  if (!cacheControl.known) return unknown(cacheControl.why, cacheControl.at);
  return known(hasCacheControl && cacheControl.value);
}

export type Coverage = 'both' | 'add-only' | 'replace-only' | 'remove-add' | 'append';

export interface NoStoreHit {
  cacheControl: string;
  at: SourceLocation;
  op: 'add' | 'replace' | 'append';
}

/** `clears`: the instance removes (or renames away) the upstream's Cache-Control before its add runs. */
export type NoStoreRead = { hits: NoStoreHit[]; clears?: boolean } | { unknown: { why: string; at: SourceLocation } };

/** Cache-Control entries with no-store in one response-transformer(-advanced) instance's add/replace/append headers. */
export function noStoreEntries(inst: KongPlugin): NoStoreRead {
  const config = inst.config;
  if (!inst.enabled.known) return { unknown: { why: inst.enabled.why, at: inst.enabled.at } };
  const hits: NoStoreHit[] = [];
  for (const op of ['replace', 'add', 'append'] as const) {
    const cv = config.getIn(op, 'headers');
    if (cv?.unknownWhy) return { unknown: { why: `${cv.unknownWhy} (the ${op} headers of ${inst.name})`, at: cv.at } };
    if (!cv || cv.value === null || cv.value === undefined) continue;
    const entries = Array.isArray(cv.value) ? cv.value : [cv.value];
    for (let i = 0; i < entries.length; i++) {
      const entry: unknown = entries[i];
      if (typeof entry !== 'string') continue;
      const ph = findPlaceholder(entry);
      const colon = entry.indexOf(':');
      const header = (colon >= 0 ? entry.slice(0, colon) : entry).trim();
      const value = colon >= 0 ? entry.slice(colon + 1).trim() : '';
      const entryAt = () => (Array.isArray(cv.value) ? cv.locate([i]) : cv.at);
      if (ph && (findPlaceholder(header) || /^cache-control$/i.test(header)))
        return { unknown: { why: placeholderWhy(ph, `the ${op} header entry of ${inst.name}`), at: entryAt() } };
      if (!/^cache-control$/i.test(header)) continue;
      if (!/(^|[\s,])no-store([\s,;]|$)/i.test(value)) continue;
      hits.push({ cacheControl: value, at: entryAt(), op });
    }
  }
  return clearsCacheControl(inst) ? { hits, clears: true } : { hits };
}

/** `remove.headers: [Cache-Control]` or `rename.headers: ["Cache-Control:..."]`: the upstream's header is gone. */
function clearsCacheControl(inst: KongPlugin): boolean {
  return (['remove', 'rename'] as const).some((op) => {
    const v = inst.config.getIn(op, 'headers')?.value;
    // Kong reads each entry as `name[:value]` (header_transformer.lua `iter`).
    return (Array.isArray(v) ? v : [v]).some((e) => typeof e === 'string' && /^cache-control$/i.test(e.split(':')[0].trim()));
  });
}

/**
 * Combines the effective transformers' entries into the endpoint's policy and how much of it is robust
 * (`details.noStoreCoverage` on the endpoint). Kong decides `replace` (only when the upstream sent Cache-Control) and
 * `add` (only when it did not) against the upstream's headers as they arrived, before `remove` ran
 * (docs/platforms/kong.md#response-transformer): only replace + add reach every response. Anything less is a policy
 * with `partial` set, which CL003 reports with the missing half. `append` adds a second Cache-Control value next to
 * the upstream's, so no-store reaches every response: counted, coverage 'append'.
 */
export function noStorePolicy(found: { inst: KongPlugin; read: NoStoreRead }[]): { value: Value<HeaderPolicy | undefined>; coverage?: Coverage } {
  const hits: (NoStoreHit & { inst: KongPlugin })[] = [];
  let clears: KongPlugin | undefined;
  for (const f of found) {
    if ('unknown' in f.read) return { value: unknown(f.read.unknown.why, f.read.unknown.at) };
    hits.push(...f.read.hits.map((h) => ({ ...h, inst: f.inst })));
    if (f.read.clears && f.read.hits.some((h) => h.op === 'add')) clears ??= f.inst;
  }
  if (hits.length === 0) return { value: known(undefined) };
  const ops = new Set(hits.map((h) => h.op));
  const coverage: Coverage = ops.has('append')
    ? 'append'
    : ops.has('add') && ops.has('replace')
      ? 'both'
      : ops.has('replace')
        ? 'replace-only'
        : clears
          ? 'remove-add'
          : 'add-only';
  const first = hits[0];
  const opsText = [...ops].join('+');
  const setting = `${first.inst.name} (${scopeText(first.inst, true)})`;
  const policy: HeaderPolicy = { cacheControl: first.cacheControl, at: first.at, source: `${setting}: ${opsText} Cache-Control: ${first.cacheControl}` };
  const partial = partialOf(coverage, clears ? `${clears.name} (${scopeText(clears, true)})` : setting);
  if (partial) policy.partial = partial;
  return { value: known(policy), coverage };
}

function partialOf(coverage: Coverage, setting: string): HeaderPolicy['partial'] {
  switch (coverage) {
    case 'add-only':
      return {
        kind: 'add-only',
        setting,
        missing: 'replace.headers',
        leaves: "responses whose upstream sends a Cache-Control keep the upstream's value (add acts only when the upstream sent none)",
      };
    case 'replace-only':
      return {
        kind: 'replace-only',
        setting,
        missing: 'add.headers',
        leaves: 'responses whose upstream sends no Cache-Control leave without one (replace acts only when the upstream sent one)',
      };
    case 'remove-add':
      return {
        kind: 'remove-add',
        setting,
        missing: 'replace.headers',
        leaves:
          "responses whose upstream sends a Cache-Control leave with none at all (remove clears it, and add is decided against the upstream's headers, which had one)",
      };
    default:
      return undefined;
  }
}
