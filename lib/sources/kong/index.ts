// Kong declarative configuration (DB-less kong.yml, decK state files; _format_version 1.1, 2.1, 3.0) → Model.
// One Endpoint per route; its caches are the caching plugins that actually run on it after Kong's precedence
// (domain.md §3.5), its no-store policy the effective response-transformer(s), its identity the auth plugins.
import type { InputError } from '../../findings';
import type { CacheLayer, ConfigFact, Endpoint, InertCacheInstance, Method, Model, SourceLocation, Value } from '../../model';
import { ALL_METHODS, known, unknown } from '../../model';
import type { PathSegment, YamlDocument } from '../../parse/yaml';
import type { AdapterInput, AdapterOutput, SourceAdapter } from '../types';
import { findPlaceholder, isRecord, placeholderWhy, PluginConfig } from './deck';
import { collect, type PluginEntity, type RouteEntity } from './entities';
import { AUTH_PLUGINS, cacheKindOf, cacheLayerFor, isRelevantPlugin, NO_STORE_PLUGINS, noStoreEntries, noStorePolicy, pathText, type PluginContext } from './plugins';
import { PluginIndex, scopeText, type Enabled, type PluginInstance } from './precedence';
import { methodsFromExpression, methodsFromList, routeText } from './routes';

export const KONG_FORMAT_VERSIONS = ['1.1', '2.1', '3.0'];
const ENTITY_KEYS = ['services', 'routes', 'plugins', 'consumers', 'consumer_groups'];
const DECK_KEYS = ['_plugin_configs', '_info', '_konnect', '_workspace', '_transform'];

/** Entries that look like Kong entities (objects with the fields Kong's schemas have), not like other YAML lists. */
function kongShaped(key: string, list: unknown[]): boolean {
  const items = list.filter(isRecord);
  if (items.length === 0 || items.length !== list.length) return false;
  const has = (o: Record<string, unknown>, fields: string[]) => fields.some((f) => f in o);
  switch (key) {
    case 'services':
      return items.some((s) => has(s, ['url', 'host', 'routes', 'protocol', 'port', 'connect_timeout', 'retries']));
    case 'routes':
      return items.some((r) => has(r, ['paths', 'methods', 'hosts', 'expression', 'strip_path', 'service', 'headers', 'snis']));
    case 'plugins':
      return items.every((p) => typeof p.name === 'string') && items.some((p) => has(p, ['config', 'enabled', 'service', 'route', 'consumer', 'consumer_group', 'protocols', '_config', 'instance_name']));
    case 'consumers':
      return items.some((c) => has(c, ['username', 'custom_id', 'keyauth_credentials', 'jwt_secrets', 'basicauth_credentials', 'acls']));
    case 'consumer_groups':
      return items.some((g) => typeof g.name === 'string' && has(g, ['consumers', 'plugins']));
  }
  return false;
}

function isDeckPatchFile(root: Record<string, unknown>): boolean {
  // `deck file patch` / `deck file add-plugins` inputs: transformations of a state file, not a state file.
  return ('patches' in root || 'add-plugins' in root) && !ENTITY_KEYS.some((k) => Array.isArray(root[k]));
}

export function detectKong(doc: YamlDocument): boolean {
  const root = doc.value;
  if (!isRecord(root)) return false;
  // Other formats that carry `services`/`plugins`: Kubernetes manifests, CloudFormation, OpenAPI, compose files.
  if ('apiVersion' in root || 'kind' in root) return false;
  if ('AWSTemplateFormatVersion' in root || 'Resources' in root || 'Transform' in root) return false;
  if ('openapi' in root || 'swagger' in root) return false;
  if (isDeckPatchFile(root)) return false;
  if ('_format_version' in root) return true;
  if (ENTITY_KEYS.some((k) => root[k] !== undefined && root[k] !== null && !Array.isArray(root[k]))) return false; // compose `services:` mapping
  if (ENTITY_KEYS.some((k) => Array.isArray(root[k]) && kongShaped(k, root[k] as unknown[]))) return true;
  return isRecord(root._plugin_configs) || (isRecord(root._info) && ENTITY_KEYS.some((k) => Array.isArray(root[k])));
}

function versionOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : String(v);
  return undefined;
}

interface DocResult {
  endpoints: Endpoint[];
  facts: ConfigFact[];
  errors: InputError[];
}

function toEndpoints(file: string, doc: YamlDocument): DocResult {
  const root = doc.value as Record<string, unknown>;
  const errors: InputError[] = [];
  const facts: ConfigFact[] = [];
  const locate = (path: readonly PathSegment[]): SourceLocation => {
    const l = doc.locate(path);
    return { file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
  };
  const error = (code: string, message: string, path: readonly PathSegment[]) => {
    const l = locate(path);
    errors.push({ file, line: l.line, column: l.column, code, message });
  };

  // _format_version: required by Kong, one of 1.1, 2.1, 3.0 (domain.md §3.6). decK split files often omit it.
  const version = versionOf(root._format_version);
  if ('_format_version' in root && (version === undefined || !KONG_FORMAT_VERSIONS.includes(version)))
    error('unknown-format', `unknown Kong _format_version ${JSON.stringify(root._format_version)} (Kong accepts ${KONG_FORMAT_VERSIONS.join(', ')}); judged as 3.0`, ['_format_version']);

  const c = collect(doc);
  for (const m of c.malformed) error('parse', `Kong config: ${pathText(m.path)}: ${m.what}`, m.path);

  const pluginConfigs = isRecord(root._plugin_configs) ? root._plugin_configs : {};
  const relevant = c.plugins.filter((p) => isRelevantPlugin(p.name));
  const configs = new Map<PluginEntity, PluginConfig>();
  for (const p of c.plugins) {
    const own = isRecord(p.value.config) ? p.value.config : undefined;
    let shared: Record<string, unknown> | undefined;
    let sharedPath: PathSegment[] = [];
    const ref = p.value._config;
    if (typeof ref === 'string') {
      if (isRecord(pluginConfigs[ref])) {
        shared = pluginConfigs[ref] as Record<string, unknown>;
        sharedPath = ['_plugin_configs', ref];
      } else error('unresolved-reference', `plugin ${p.name} takes its config from _config "${ref}", which _plugin_configs does not define in this file`, [...p.path, '_config']);
    }
    if (isRelevantPlugin(p.name)) configs.set(p, new PluginConfig(own, [...p.path, 'config'], shared, sharedPath));
  }

  for (const u of c.unresolved) {
    if (u.placeholder) {
      if (!u.plugin || !isRelevantPlugin(u.plugin)) continue;
      const at = locate(u.path);
      facts.push({
        kind: 'unresolved-setting',
        resource: u.plugin,
        route: `plugin ${u.plugin}`,
        findingId: `${u.plugin}@${pathText(u.path)}`,
        at,
        message: `The scope of ${u.what} cannot be resolved: ${placeholderWhy(u.placeholder, 'which entity it is attached to')}.`,
        blocks: cacheKindOf(u.plugin) ? ['CL001', 'CL002', 'CL004'] : AUTH_PLUGINS.has(u.plugin) ? ['CL004'] : ['CL003'],
        flavor: 'kong',
        platform: 'kong',
      });
      continue;
    }
    error('unresolved-reference', `${u.what} refers to ${String(u.path[u.path.length - 1]).replace('_', ' ')} ${u.ref}, which this file does not define`, u.path);
  }

  const enabledOf = (p: PluginEntity): Enabled => {
    const v = p.value.enabled;
    const ph = findPlaceholder(v);
    if (ph) return { state: 'unknown', placeholder: ph };
    return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false') ? { state: 'off' } : { state: 'on' };
  };
  const index = new PluginIndex(relevant, enabledOf, c.membership);
  const names = index.names();
  const cacheNames = names.filter((n) => cacheKindOf(n)).sort((a, b) => cacheOrder(a) - cacheOrder(b) || a.localeCompare(b));
  const authNames = names.filter((n) => AUTH_PLUGINS.has(n)).sort();
  const noStoreNames = NO_STORE_PLUGINS.filter((n) => names.includes(n));

  // decK `_info.defaults.route` fills fields a route leaves out before Kong sees it (domain.md §3.7).
  const info = isRecord(root._info) ? root._info : undefined;
  const routeDefaults = isRecord(info?.defaults) && isRecord(info.defaults.route) ? info.defaults.route : undefined;
  const selectTags = Array.isArray(info?.select_tags) ? info.select_tags.map(String) : undefined;

  const layerCache = new Map<string, CacheLayer>();
  const layerFor = (inst: PluginInstance, ctx: Omit<PluginContext, 'config'>, suffix?: string): CacheLayer => {
    const k = `${pathText(inst.path)}|${ctx.identity.join(',')}|${ctx.identityUnknown ? 'u' : ''}|${suffix ?? ''}`;
    let l = layerCache.get(k);
    if (!l) layerCache.set(k, (l = cacheLayerFor(inst, { ...ctx, config: configs.get(inst.entity)! }, { findingSuffix: suffix })));
    return l;
  };

  const endpoints: Endpoint[] = [];
  for (const route of c.routes) {
    const r = route.value;
    const { methods, paths, expression } = routeMethods(route, routeDefaults, locate);

    const identity: string[] = [];
    let identityUnknown: PluginContext['identityUnknown'];
    for (const n of authNames) {
      const inst = index.applied(n, route);
      if (!inst) continue;
      if (inst.enabled.state === 'unknown') identityUnknown ??= { placeholder: inst.enabled.placeholder, at: locate([...inst.path, 'enabled']) };
      else identity.push(n);
    }
    const ctx = { locate, identity, identityUnknown };

    const caches: CacheLayer[] = [];
    const applied: PluginInstance[] = [];
    for (const n of cacheNames) {
      const main = index.applied(n, route);
      if (main) {
        applied.push(main);
        caches.push(layerFor(main, ctx));
      }
      for (const v of index.consumerVariants(n, route)) {
        const who = v.scope.consumer ? `@consumer:${v.scope.consumer.label}` : `@consumer-group:${v.scope.group!.label}`;
        caches.push(layerFor(v, ctx, who));
      }
    }

    const inert: InertCacheInstance[] = [];
    for (const n of cacheNames) {
      for (const d of index.disabledFor(n, route)) {
        if (!applied.some((a) => a.rank > d.rank)) continue; // nothing broader still runs: the disabled one exempts nothing
        inert.push({ name: d.name, scope: scopeText(d), at: locate([...d.path, 'enabled']) });
      }
    }

    const transformers = noStoreNames
      .map((n) => index.applied(n, route))
      .filter((i): i is PluginInstance => !!i)
      .map((inst) => ({ inst, read: noStoreEntries(inst, configs.get(inst.entity)!, locate) }));
    const policy = noStorePolicy(transformers);

    const service = route.service;
    const details: Record<string, string> = { routeName: route.label, routeIndexPath: pathText(route.path) };
    if (service) details.service = service.label;
    if (root._format_version !== undefined) details.formatVersion = String(root._format_version);
    if (policy.coverage) details.noStoreCoverage = policy.coverage;
    if (Array.isArray(r.hosts) && r.hosts.length) details.hosts = r.hosts.map(String).join(',');
    if (expression) details.expression = expression;
    if (selectTags) details.selectTags = selectTags.join(',');

    const endpoint: Endpoint = {
      platform: 'kong',
      resource: service ? `${service.label}/${route.label}` : route.label,
      route: routeText(methods.known ? methods.value : undefined, paths),
      findingId: route.label,
      methods,
      paths,
      at: locate('name' in r ? [...route.path, 'name'] : route.path),
      caches,
      noStore: policy.value,
      identity,
      flavor: 'kong',
      details,
    };
    if (inert.length) endpoint.inertCacheInstances = inert;
    endpoints.push(endpoint);
  }
  return { endpoints, facts, errors };
}

function cacheOrder(name: string): number {
  const order = ['proxy-cache', 'proxy-cache-advanced', 'graphql-proxy-cache-advanced', 'ai-semantic-cache'];
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

function routeMethods(
  route: RouteEntity,
  defaults: Record<string, unknown> | undefined,
  locate: (path: readonly PathSegment[]) => SourceLocation,
): { methods: Value<Method[]>; paths: string[]; expression?: string } {
  const r = route.value;
  const present = (o: Record<string, unknown> | undefined, k: string) => o !== undefined && o[k] !== undefined && o[k] !== null;
  // A route's own field wins over the decK default; the location is wherever the deciding value is written.
  const pick = (k: string): { value: unknown; path: PathSegment[] } | undefined =>
    present(r, k) ? { value: r[k], path: [...route.path, k] } : present(defaults, k) ? { value: defaults![k], path: ['_info', 'defaults', 'route', k] } : undefined;

  const rawPaths = pick('paths');
  let paths = Array.isArray(rawPaths?.value) ? (rawPaths!.value as unknown[]).map(String) : [];

  const expr = pick('expression');
  if (expr) {
    const ph = findPlaceholder(expr.value);
    if (ph) return { methods: unknown(placeholderWhy(ph, 'the route expression'), locate(expr.path)), paths: paths.length ? paths : ['/'], expression: String(expr.value) };
    if (typeof expr.value !== 'string')
      return { methods: unknown(`route expression is ${JSON.stringify(expr.value)}, not a string`, locate(expr.path)), paths: paths.length ? paths : ['/'] };
    const res = methodsFromExpression(expr.value);
    if (!res.ok) return { methods: unknown(res.why, locate(expr.path)), paths: paths.length ? paths : ['/'], expression: expr.value };
    if (!paths.length) paths = res.paths;
    return { methods: known(res.methods), paths: paths.length ? paths : ['/'], expression: expr.value };
  }

  if (!paths.length) paths = ['/'];
  // Stream routes (tcp, tls, udp, tls_passthrough) carry no HTTP method, and HTTP caching plugins never run on them.
  const protocols = pick('protocols');
  if (Array.isArray(protocols?.value) && protocols!.value.length && !protocols!.value.some((p) => /^(http|https|grpc|grpcs|ws|wss)$/i.test(String(p))))
    return { methods: known<Method[]>([]), paths };
  const m = pick('methods');
  if (!m) return { methods: known<Method[]>([...ALL_METHODS]), paths }; // absent = all methods (domain.md §3.6)
  const ph = findPlaceholder(m.value);
  if (ph) return { methods: unknown(placeholderWhy(ph, 'the route methods'), locate(m.path)), paths };
  const res = methodsFromList(m.value);
  if (!res.ok) return { methods: unknown(res.why, locate(m.path)), paths };
  return { methods: known(res.methods), paths };
}

export const kongAdapter: SourceAdapter = {
  format: 'kong',
  tags: 'plain',
  detect: (doc) => detectKong(doc),
  toModels({ file, parsed }: AdapterInput): AdapterOutput {
    const model: Model = { file, endpoints: [], facts: [] };
    const errors: InputError[] = [];
    parsed.documents.forEach((doc, i) => {
      if (i > 0 && (doc.value === null || doc.value === undefined)) return;
      if (!detectKong(doc)) {
        const l = doc.locate([]);
        errors.push({ file, line: l.line, column: l.column, code: 'unknown-format', message: `YAML document ${i + 1} is not a Kong declarative configuration` });
        return;
      }
      const out = toEndpoints(file, doc);
      model.endpoints.push(...out.endpoints);
      model.facts.push(...out.facts);
      errors.push(...out.errors);
    });
    return { models: [model], errors };
  },
};

export default kongAdapter;
