// Kong Ingress Controller objects → KongState, the way KIC translates them (docs/platforms/kong.md#kong-ingress-controller):
//   Service / KongServiceFacade → Kong service; Ingress path and HTTPRoute match → Kong route (methods from
//   `konghq.com/methods`, a KongIngress `route.methods` override, or the HTTPRoute match; none = all methods);
//   KongConsumer / KongConsumerGroup → consumer / consumer group;
//   KongPlugin / KongClusterPlugin → one plugin instance per attachment, combined like KIC's
//   ForeignRelations.GetCombinations: a plugin named by consumers AND routes/services runs per consumer on each of
//   them; otherwise once per consumer group, service and route it is named by; a KongClusterPlugin labelled
//   `global: "true"` also runs globally.
// Names resolve in the referring object's namespace (`ns:name` names another namespace), KongPlugin before
// KongClusterPlugin; a definition in the referring file wins over one elsewhere in the scan, and among those the
// last one (what `kubectl apply` leaves). A name no scanned file defines is a located error, never ignored.
import type { InputError } from '../../findings';
import { ALL_METHODS, known, unknown, type Method, type SourceLocation, type Value, type ValuePath } from '../../model';
import type { PathSegment } from '../../parse/yaml';
import {
  LayeredPluginConfig,
  OpaquePluginConfig,
  type ConfigEntry,
  type KongConsumer,
  type KongConsumerGroup,
  type KongPlugin,
  type KongPluginConfig,
  type KongPluginScope,
  type KongRoute,
  type KongService,
  type KongState,
} from '../kong/state';
import { annotation, errorAt, isRecord, label, locOf, type K8sObject } from './manifests';

const PLUGINS_ANNOTATION = 'konghq.com/plugins';
const METHODS_ANNOTATION = 'konghq.com/methods';
const KONG_GROUP = 'configuration.konghq.com';

interface Relations {
  def: K8sObject;
  consumers: KongConsumer[];
  groups: KongConsumerGroup[];
  routes: KongRoute[];
  services: KongService[];
}

export interface IngressStateResult {
  state: KongState;
  errors: InputError[];
}

/** Same-file definition first, then anywhere in the scan; the later one wins within each. */
function pick(defs: K8sObject[] | undefined, file: string): K8sObject | undefined {
  if (!defs?.length) return undefined;
  for (let i = defs.length - 1; i >= 0; i--) if (defs[i].file === file) return defs[i];
  return defs[defs.length - 1];
}

function indexBy(objects: K8sObject[], kind: string): Map<string, K8sObject[]> {
  const m = new Map<string, K8sObject[]>();
  for (const o of objects) {
    if (o.kind !== kind) continue;
    const k = o.namespace ? `${o.namespace}/${o.name}` : o.name;
    const list = m.get(k);
    if (list) list.push(o);
    else m.set(k, [o]);
  }
  return m;
}

/** Route methods from a comma list (`"GET, POST"`); verbs the model has no name for are left out. */
function methodsFromText(text: string): Method[] {
  const wanted = new Set(text.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean));
  return ALL_METHODS.filter((m) => wanted.has(m));
}

export function buildIngressState(objects: K8sObject[]): IngressStateResult {
  const errors: InputError[] = [];
  const plugins = indexBy(objects, 'KongPlugin');
  const clusterPlugins = indexBy(objects, 'KongClusterPlugin');
  const services = indexBy(objects, 'Service');
  const facades = indexBy(objects, 'KongServiceFacade');
  const groupsByName = indexBy(objects, 'KongConsumerGroup');
  const kongIngresses = indexBy(objects, 'KongIngress');

  const state: KongState = { services: [], routes: [], consumers: [], consumerGroups: [], plugins: [], facts: [] };
  const relations = new Map<K8sObject, Relations>();
  const relationsOf = (def: K8sObject) => {
    let r = relations.get(def);
    if (!r) relations.set(def, (r = { def, consumers: [], groups: [], routes: [], services: [] }));
    return r;
  };

  /** Resolves the plugin names of `konghq.com/plugins` on `owner`; reports names no scanned file defines. */
  const pluginRefs = (owner: K8sObject): K8sObject[] => {
    const value = annotation(owner, PLUGINS_ANNOTATION);
    if (value === undefined) return [];
    const out: K8sObject[] = [];
    for (const raw of value.split(',')) {
      const ref = raw.trim();
      if (!ref) continue;
      const colon = ref.indexOf(':');
      const ns = colon >= 0 ? ref.slice(0, colon) : owner.namespace || 'default';
      const name = colon >= 0 ? ref.slice(colon + 1) : ref;
      const def = pick(plugins.get(`${ns}/${name}`), owner.file) ?? (colon >= 0 ? undefined : pick(clusterPlugins.get(name), owner.file));
      if (def) out.push(def);
      else
        errors.push(
          errorAt(owner, ['metadata', 'annotations', PLUGINS_ANNOTATION], 'unresolved-reference',
            `${PLUGINS_ANNOTATION} on ${owner.id} names plugin "${ref}", but no scanned file defines KongPlugin ${ns}/${name}${colon >= 0 ? '' : ` or KongClusterPlugin ${name}`}: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`),
        );
    }
    return out;
  };

  // Services: one Kong service per Service / KongServiceFacade definition; a backend no scanned file defines still
  // gets one (it can carry no plugin annotation we could miss: those live on the Service object).
  const serviceOf = new Map<K8sObject | string, KongService>();
  const serviceFor = (def: K8sObject | undefined, fallbackId: string, at: SourceLocation): KongService => {
    const key = def ?? fallbackId;
    let s = serviceOf.get(key);
    if (!s) {
      s = { kind: 'service', key: `s${state.services.length}`, label: def ? def.id : fallbackId, at: def ? locOf(def, ['metadata', 'name']) : at };
      serviceOf.set(key, s);
      state.services.push(s);
      if (def) for (const p of pluginRefs(def)) relationsOf(p).services.push(s);
    }
    return s;
  };
  for (const o of objects) if (o.kind === 'Service' || o.kind === 'KongServiceFacade') serviceFor(o, o.id, locOf(o, []));

  /** The Kong service behind a backend reference (Ingress `backend`, HTTPRoute `backendRefs[]`). */
  const backendService = (owner: K8sObject, kind: string, ns: string, name: string, at: SourceLocation): KongService => {
    const index = kind === 'KongServiceFacade' ? facades : services;
    return serviceFor(pick(index.get(`${ns}/${name}`), owner.file), `${ns}/${kind}/${name}`, at);
  };

  // Consumer groups, then consumers (which name their groups).
  const groupOf = new Map<K8sObject | string, KongConsumerGroup>();
  const groupFor = (def: K8sObject | undefined, fallbackId: string, at: SourceLocation): KongConsumerGroup => {
    const key = def ?? fallbackId;
    let g = groupOf.get(key);
    if (!g) {
      g = { kind: 'consumer_group', key: `g${state.consumerGroups.length}`, label: def ? def.id : fallbackId, at: def ? locOf(def, ['metadata', 'name']) : at };
      groupOf.set(key, g);
      state.consumerGroups.push(g);
      if (def) for (const p of pluginRefs(def)) relationsOf(p).groups.push(g);
    }
    return g;
  };
  for (const o of objects) if (o.kind === 'KongConsumerGroup') groupFor(o, o.id, locOf(o, []));
  for (const o of objects) {
    if (o.kind !== 'KongConsumer') continue;
    const groups: KongConsumerGroup[] = [];
    const names = Array.isArray(o.obj.consumerGroups) ? o.obj.consumerGroups : [];
    names.forEach((n, i) => {
      if (typeof n !== 'string') return;
      groups.push(groupFor(pick(groupsByName.get(`${o.namespace}/${n}`), o.file), `${o.namespace}/KongConsumerGroup/${n}`, locOf(o, ['consumerGroups', i])));
    });
    const consumer: KongConsumer = { kind: 'consumer', key: `c${state.consumers.length}`, label: o.id, at: locOf(o, ['metadata', 'name']), groups };
    state.consumers.push(consumer);
    for (const p of pluginRefs(o)) relationsOf(p).consumers.push(consumer);
  }

  // Routes.
  const findingIds = new Set<string>();
  const addRoute = (owner: K8sObject, path: string, host: string | undefined, methods: Value<Method[]>, service: KongService | undefined, at: PathSegment[], extra: Record<string, string> = {}): KongRoute => {
    // Read as kubectl users say it: `Ingress webhooks/webhooks /webhooks/github` (kind, namespace/name, host+path).
    const base = `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name} ${host ?? ''}${path}`;
    let id = base;
    for (let n = 2; findingIds.has(id); n++) id = `${base} (${n})`;
    findingIds.add(id);
    const details: Record<string, string> = { namespace: owner.namespace, kind: owner.kind, name: owner.name, document: String(owner.document), ...extra };
    if (host) details.hosts = host;
    const route: KongRoute = { kind: 'route', key: `r${state.routes.length}`, label: id, findingId: id, resource: owner.id, service, methods, paths: [path], at: locOf(owner, at), details };
    state.routes.push(route);
    return route;
  };

  for (const o of objects) {
    if (o.kind !== 'Ingress') continue;
    const methods = ingressMethods(o, kongIngresses, errors);
    const routes: KongRoute[] = [];
    const spec = isRecord(o.obj.spec) ? o.obj.spec : {};
    const backendOf = (b: unknown, at: PathSegment[]): KongService | undefined => {
      if (!isRecord(b)) return undefined;
      if (isRecord(b.service) && typeof b.service.name === 'string') return backendService(o, 'Service', o.namespace, b.service.name, locOf(o, [...at, 'service', 'name']));
      if (typeof b.serviceName === 'string') return backendService(o, 'Service', o.namespace, b.serviceName, locOf(o, [...at, 'serviceName']));
      if (isRecord(b.resource) && typeof b.resource.name === 'string') {
        const kind = typeof b.resource.kind === 'string' ? b.resource.kind : 'Service';
        return backendService(o, kind, o.namespace, b.resource.name, locOf(o, [...at, 'resource', 'name']));
      }
      return undefined;
    };
    const rules = Array.isArray(spec.rules) ? spec.rules : [];
    rules.forEach((rule, i) => {
      if (!isRecord(rule)) return;
      const host = typeof rule.host === 'string' ? rule.host : undefined;
      const paths = isRecord(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
      paths.forEach((p, j) => {
        if (!isRecord(p)) return;
        const at: PathSegment[] = ['spec', 'rules', i, 'http', 'paths', j];
        const path = typeof p.path === 'string' && p.path ? p.path : '/';
        const extra: Record<string, string> = typeof p.pathType === 'string' ? { pathType: p.pathType } : {};
        routes.push(addRoute(o, path, host, methods, backendOf(p.backend, [...at, 'backend']), typeof p.path === 'string' ? [...at, 'path'] : at, extra));
      });
    });
    const dflt = isRecord(spec.defaultBackend) ? 'defaultBackend' : isRecord(spec.backend) ? 'backend' : undefined;
    if (dflt) routes.push(addRoute(o, '/', undefined, methods, backendOf(spec[dflt], ['spec', dflt]), ['spec', dflt], { defaultBackend: 'true' }));
    for (const p of pluginRefs(o)) relationsOf(p).routes.push(...routes);
  }

  for (const o of objects) {
    if (o.kind !== 'HTTPRoute') continue;
    const spec = isRecord(o.obj.spec) ? o.obj.spec : {};
    const hosts = Array.isArray(spec.hostnames) ? spec.hostnames.filter((h): h is string => typeof h === 'string') : [];
    const all: KongRoute[] = [];
    const rules = Array.isArray(spec.rules) ? spec.rules : [];
    rules.forEach((rule, i) => {
      if (!isRecord(rule)) return;
      const refs = Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
      const first = refs.findIndex((b) => isRecord(b) && typeof b.name === 'string');
      let service: KongService | undefined;
      if (first >= 0) {
        const b = refs[first] as Record<string, unknown>;
        const kind = typeof b.kind === 'string' ? b.kind : 'Service';
        const ns = typeof b.namespace === 'string' ? b.namespace : o.namespace;
        service = backendService(o, kind, ns, b.name as string, locOf(o, ['spec', 'rules', i, 'backendRefs', first, 'name']));
      }
      const matches = Array.isArray(rule.matches) && rule.matches.length ? rule.matches : [undefined];
      const routes: KongRoute[] = [];
      matches.forEach((m, j) => {
        const at: PathSegment[] = m === undefined ? ['spec', 'rules', i] : ['spec', 'rules', i, 'matches', j];
        const match = isRecord(m) ? m : {};
        const pathValue = isRecord(match.path) && typeof match.path.value === 'string' ? match.path.value : '/';
        let methods: Value<Method[]> = known([...ALL_METHODS]);
        if (typeof match.method === 'string') {
          const ms = methodsFromText(match.method);
          methods = ms.length ? known(ms) : unknown(`HTTPRoute match method ${JSON.stringify(match.method)} is not an HTTP method cachelint knows`, locOf(o, [...at, 'method']));
        }
        const extra: Record<string, string> = { rule: String(i), match: String(j) };
        routes.push(addRoute(o, pathValue, hosts.length ? hosts.join(',') : undefined, methods, service, isRecord(match.path) ? [...at, 'path'] : at, extra));
      });
      // filters[] ExtensionRef → a KongPlugin (or KongClusterPlugin) on this rule's routes.
      const filters = Array.isArray(rule.filters) ? rule.filters : [];
      filters.forEach((f, k) => {
        if (!isRecord(f) || f.type !== 'ExtensionRef' || !isRecord(f.extensionRef)) return;
        const ref = f.extensionRef;
        if (ref.group !== KONG_GROUP) return;
        const kind = ref.kind === 'KongClusterPlugin' ? 'KongClusterPlugin' : 'KongPlugin';
        const name = typeof ref.name === 'string' ? ref.name : '';
        const def = kind === 'KongPlugin' ? pick(plugins.get(`${o.namespace}/${name}`), o.file) : pick(clusterPlugins.get(name), o.file);
        if (def) relationsOf(def).routes.push(...routes);
        else
          errors.push(
            errorAt(o, ['spec', 'rules', i, 'filters', k, 'extensionRef'], 'unresolved-reference',
              `filter ExtensionRef on ${o.id} names ${kind} ${kind === 'KongPlugin' ? `${o.namespace}/` : ''}${name}, but no scanned file defines it: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`),
          );
      });
      all.push(...routes);
    });
    for (const p of pluginRefs(o)) relationsOf(p).routes.push(...all);
  }

  // Plugin instances: every plugin named somewhere, and every global KongClusterPlugin.
  for (const o of objects) {
    if (o.kind === 'KongClusterPlugin' && label(o, 'global') === 'true') relationsOf(o);
  }
  for (const rel of relations.values()) {
    const def = rel.def;
    const base = readPluginDef(def, errors);
    if (!base) continue;
    const scopes: KongPluginScope[] = [];
    if (rel.consumers.length) {
      if (rel.services.length + rel.routes.length) {
        for (const service of rel.services) for (const consumer of rel.consumers) scopes.push({ service, consumer });
        for (const route of rel.routes) for (const consumer of rel.consumers) scopes.push({ route, consumer });
      } else for (const consumer of rel.consumers) scopes.push({ consumer });
    } else {
      for (const consumerGroup of rel.groups) scopes.push({ consumerGroup });
      for (const service of rel.services) scopes.push({ service });
      for (const route of rel.routes) scopes.push({ route });
    }
    if (def.kind === 'KongClusterPlugin' && label(def, 'global') === 'true') scopes.push({});
    const seen = new Set<string>();
    for (const scope of scopes) {
      const k = [scope.consumer?.key, scope.consumerGroup?.key, scope.route?.key, scope.service?.key].join('|');
      if (seen.has(k)) continue; // the same plugin named twice for one entity is one instance
      seen.add(k);
      state.plugins.push({ ...base, key: `${def.id}@${k}`, scope });
    }
  }
  return { state, errors };
}

/** Route methods of an Ingress: `konghq.com/methods` wins over a KongIngress `route.methods` (KIC docs); none = all. */
function ingressMethods(o: K8sObject, kongIngresses: Map<string, K8sObject[]>, errors: InputError[]): Value<Method[]> {
  const text = annotation(o, METHODS_ANNOTATION);
  if (text !== undefined) {
    const ms = methodsFromText(text);
    if (ms.length) return known(ms);
    return unknown(`${METHODS_ANNOTATION} ${JSON.stringify(text)} names no HTTP method cachelint knows`, locOf(o, ['metadata', 'annotations', METHODS_ANNOTATION]));
  }
  const override = annotation(o, 'konghq.com/override');
  if (override !== undefined) {
    const ki = pick(kongIngresses.get(`${o.namespace}/${override.trim()}`), o.file);
    if (!ki)
      return unknown(`konghq.com/override names KongIngress ${o.namespace}/${override.trim()}, which no scanned file defines: its route.methods may restrict this Ingress`, locOf(o, ['metadata', 'annotations', 'konghq.com/override']));
    const route = isRecord(ki.obj.route) ? ki.obj.route : undefined;
    if (route && Array.isArray(route.methods) && route.methods.length) {
      const ms = methodsFromText(route.methods.map(String).join(','));
      if (ms.length) return known(ms);
      errors.push(errorAt(ki, ['route', 'methods'], 'invalid-manifest', `KongIngress ${ki.id} route.methods names no HTTP method`));
    }
  }
  return known([...ALL_METHODS]);
}

type PluginBase = Omit<KongPlugin, 'key' | 'scope'>;

/** The parts of a plugin instance every attachment of one KongPlugin / KongClusterPlugin shares; undefined when unusable. */
function readPluginDef(def: K8sObject, errors: InputError[]): PluginBase | undefined {
  const o = def.obj;
  if (typeof o.plugin !== 'string' || !o.plugin) {
    errors.push(errorAt(def, [], 'invalid-manifest', `${def.id} has no \`plugin:\` (the Kong plugin name): cachelint cannot tell what it does`));
    return undefined;
  }
  // A plugin limited to protocols Kong routes no HTTP on never runs for an Ingress/HTTPRoute request.
  if (Array.isArray(o.protocols) && o.protocols.length && !o.protocols.some((p) => p === 'http' || p === 'https')) return undefined;
  const at = locOf(def, ['plugin']);
  let enabled: Value<boolean> = known(true);
  if (o.disabled !== undefined && o.disabled !== null) {
    const d = o.disabled;
    if (typeof d === 'boolean') enabled = known(!d);
    else if (typeof d === 'string' && /^(true|false)$/i.test(d.trim())) enabled = known(d.trim().toLowerCase() !== 'true');
    else enabled = unknown(`disabled is ${JSON.stringify(d)}, not a boolean`, locOf(def, ['disabled']));
  }
  const enabledAt = 'disabled' in o ? locOf(def, ['disabled']) : at;
  let config: KongPluginConfig;
  let configPath: ValuePath | undefined;
  if (o.configFrom !== undefined && o.configFrom !== null) {
    const ref = isRecord(o.configFrom) && isRecord(o.configFrom.secretKeyRef) ? o.configFrom.secretKeyRef : undefined;
    const ns = typeof ref?.namespace === 'string' ? ref.namespace : def.namespace;
    const secret = typeof ref?.name === 'string' ? `Secret ${ns ? `${ns}/` : ''}${ref.name}${typeof ref.key === 'string' ? ` (key ${ref.key})` : ''}` : 'a Secret';
    config = new OpaquePluginConfig(`the config of ${def.id} comes from ${secret} (configFrom), which a static scan cannot read`, (sub) => locOf(def, ['configFrom', ...sub]));
  } else {
    if (o.config !== undefined && o.config !== null && !isRecord(o.config))
      errors.push(errorAt(def, ['config'], 'invalid-manifest', `${def.id}: config must be a mapping`));
    config = new LayeredPluginConfig(isRecord(o.config) ? o.config : undefined, (sub) => locOf(def, ['config', ...sub]));
    if (Array.isArray(o.configPatches) && o.configPatches.length) config = new PatchedConfig(config, def);
    else configPath = { file: def.file, document: def.doc.index, path: [...def.base, 'config'] };
  }
  return { name: o.plugin, enabled, at, enabledAt, config, resource: def.id, ...(configPath ? { configPath } : {}) };
}

/** `configPatches` (KIC 3.x): JSON-patch paths whose values come from Secrets; reads of those keys are unknown. */
class PatchedConfig implements KongPluginConfig {
  private readonly patched = new Map<string, { at: SourceLocation; secret: string }>();
  constructor(
    private readonly inner: KongPluginConfig,
    private readonly def: K8sObject,
  ) {
    (def.obj.configPatches as unknown[]).forEach((p, i) => {
      if (!isRecord(p) || typeof p.path !== 'string') return;
      const key = p.path.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('/');
      const ref = isRecord(p.valueFrom) && isRecord(p.valueFrom.secretKeyRef) ? p.valueFrom.secretKeyRef : undefined;
      this.patched.set(key, { at: locOf(def, ['configPatches', i]), secret: typeof ref?.name === 'string' ? `Secret ${def.namespace ? `${def.namespace}/` : ''}${ref.name}` : 'a Secret' });
    });
  }
  private unknownEntry(key: string, hit: { at: SourceLocation; secret: string }): ConfigEntry {
    const why = `config ${key} of ${this.def.id} comes from ${hit.secret} (configPatches), which a static scan cannot read`;
    return { value: undefined, unknownWhy: why, at: hit.at, locate: () => hit.at };
  }
  get(key: string): ConfigEntry | undefined {
    const hit = this.patched.get(key);
    return hit ? this.unknownEntry(key, hit) : this.inner.get(key);
  }
  getIn(key: string, sub: string): ConfigEntry | undefined {
    const hit = this.patched.get(key) ?? this.patched.get(`${key}/${sub}`);
    return hit ? this.unknownEntry(`${key}/${sub}`, hit) : this.inner.getIn(key, sub);
  }
}
