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
import { ALL_METHODS, known, unknown, type Method, type SourceLocation, type Value } from '../../model';
import type { PathSegment } from '../../parse/yaml';
import { type KongConsumer, type KongConsumerGroup, type KongPluginScope, type KongRoute, type KongService, type KongState } from '../kong/state';
import { annotation, errorAt, isRecord, label, locOf, type K8sObject } from './manifests';
import { readPluginDef } from './plugin-def';
import { readHTTPRoutes } from './httproute';

const PLUGINS_ANNOTATION = 'konghq.com/plugins';
const METHODS_ANNOTATION = 'konghq.com/methods';

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
export function methodsFromText(text: string): Method[] {
  const wanted = new Set(
    text
      .split(',')
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean),
  );
  return ALL_METHODS.filter((m) => wanted.has(m));
}

/** The scanned objects a reference can name, by `namespace/name` (cluster-scoped kinds: name); built once. */
export interface ObjectIndex {
  plugins: Map<string, K8sObject[]>;
  clusterPlugins: Map<string, K8sObject[]>;
  services: Map<string, K8sObject[]>;
  facades: Map<string, K8sObject[]>;
  groupsByName: Map<string, K8sObject[]>;
  kongIngresses: Map<string, K8sObject[]>;
}

function indexObjects(objects: K8sObject[]): ObjectIndex {
  return {
    plugins: indexBy(objects, 'KongPlugin'),
    clusterPlugins: indexBy(objects, 'KongClusterPlugin'),
    services: indexBy(objects, 'Service'),
    facades: indexBy(objects, 'KongServiceFacade'),
    groupsByName: indexBy(objects, 'KongConsumerGroup'),
    kongIngresses: indexBy(objects, 'KongIngress'),
  };
}

type PluginKind = 'KongPlugin' | 'KongClusterPlugin';

/**
 * The one plugin-reference resolver: the first of `kinds` that the scan defines, a KongPlugin in `namespace`, a
 * KongClusterPlugin by name (annotations try both, `ns:name` and ExtensionRef name one kind).
 */
export function resolvePlugin(index: ObjectIndex, from: K8sObject, namespace: string, name: string, kinds: PluginKind[]): K8sObject | undefined {
  for (const kind of kinds) {
    const def = kind === 'KongPlugin' ? pick(index.plugins.get(`${namespace}/${name}`), from.file) : pick(index.clusterPlugins.get(name), from.file);
    if (def) return def;
  }
  return undefined;
}

export function buildIngressState(objects: K8sObject[]): IngressStateResult {
  const b = new IngressStateBuilder(objects, indexObjects(objects));
  readServices(b);
  readConsumers(b);
  readIngresses(b);
  readHTTPRoutes(b);
  addPluginInstances(b);
  return { state: b.state, errors: b.errors };
}

/** The Kong entities being built, each made once per definition, and which of them each plugin is named by. */
export class IngressStateBuilder {
  readonly state: KongState = { services: [], routes: [], consumers: [], consumerGroups: [], plugins: [], facts: [] };
  readonly errors: InputError[] = [];
  readonly relations = new Map<K8sObject, Relations>();
  private readonly serviceOf = new Map<K8sObject | string, KongService>();
  private readonly groupOf = new Map<K8sObject | string, KongConsumerGroup>();
  private readonly findingIds = new Set<string>();

  constructor(
    readonly objects: K8sObject[],
    readonly index: ObjectIndex,
  ) {}

  relationsOf(def: K8sObject): Relations {
    let r = this.relations.get(def);
    if (!r) this.relations.set(def, (r = { def, consumers: [], groups: [], routes: [], services: [] }));
    return r;
  }

  /** Resolves the plugin names of `konghq.com/plugins` on `owner`; reports names no scanned file defines. */
  pluginRefs(owner: K8sObject): K8sObject[] {
    const value = annotation(owner, PLUGINS_ANNOTATION);
    if (value === undefined) return [];
    const out: K8sObject[] = [];
    for (const raw of value.split(',')) {
      const ref = raw.trim();
      if (!ref) continue;
      const colon = ref.indexOf(':');
      const ns = colon >= 0 ? ref.slice(0, colon) : owner.namespace || 'default';
      const name = colon >= 0 ? ref.slice(colon + 1) : ref;
      const def = resolvePlugin(this.index, owner, ns, name, colon >= 0 ? ['KongPlugin'] : ['KongPlugin', 'KongClusterPlugin']);
      if (def) out.push(def);
      else
        this.errors.push(
          errorAt(
            owner,
            ['metadata', 'annotations', PLUGINS_ANNOTATION],
            'unresolved-reference',
            `${PLUGINS_ANNOTATION} on ${owner.id} names plugin "${ref}", but no scanned file defines KongPlugin ${ns}/${name}${colon >= 0 ? '' : ` or KongClusterPlugin ${name}`}: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`,
          ),
        );
    }
    return out;
  }

  // One Kong service per Service / KongServiceFacade definition; a backend no scanned file defines still gets one (it
  // can carry no plugin annotation we could miss: those live on the Service object).
  serviceFor(def: K8sObject | undefined, fallbackId: string, at: SourceLocation): KongService {
    const key = def ?? fallbackId;
    let s = this.serviceOf.get(key);
    if (!s) {
      s = { kind: 'service', key: `s${this.state.services.length}`, label: def ? def.id : fallbackId, at: def ? locOf(def, ['metadata', 'name']) : at };
      this.serviceOf.set(key, s);
      this.state.services.push(s);
      if (def) for (const p of this.pluginRefs(def)) this.relationsOf(p).services.push(s);
    }
    return s;
  }

  /** The Kong service behind a backend reference (Ingress `backend`, HTTPRoute `backendRefs[]`). */
  backendService(owner: K8sObject, kind: string, ns: string, name: string, at: SourceLocation): KongService {
    const index = kind === 'KongServiceFacade' ? this.index.facades : this.index.services;
    return this.serviceFor(pick(index.get(`${ns}/${name}`), owner.file), `${ns}/${kind}/${name}`, at);
  }

  groupFor(def: K8sObject | undefined, fallbackId: string, at: SourceLocation): KongConsumerGroup {
    const key = def ?? fallbackId;
    let g = this.groupOf.get(key);
    if (!g) {
      g = {
        kind: 'consumer_group',
        key: `g${this.state.consumerGroups.length}`,
        label: def ? def.id : fallbackId,
        at: def ? locOf(def, ['metadata', 'name']) : at,
      };
      this.groupOf.set(key, g);
      this.state.consumerGroups.push(g);
      if (def) for (const p of this.pluginRefs(def)) this.relationsOf(p).groups.push(g);
    }
    return g;
  }

  addRoute(
    owner: K8sObject,
    path: string,
    host: string | undefined,
    methods: Value<Method[]>,
    service: KongService | undefined,
    at: PathSegment[],
    extra: Record<string, string> = {},
  ): KongRoute {
    // Read as kubectl users say it: `Ingress webhooks/webhooks /webhooks/github` (kind, namespace/name, host+path).
    const base = `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name} ${host ?? ''}${path}`;
    let id = base;
    for (let n = 2; this.findingIds.has(id); n++) id = `${base} (${n})`;
    this.findingIds.add(id);
    const details: Record<string, string> = { namespace: owner.namespace, kind: owner.kind, name: owner.name, document: String(owner.document), ...extra };
    if (host) details.hosts = host;
    const route: KongRoute = {
      kind: 'route',
      key: `r${this.state.routes.length}`,
      label: id,
      findingId: id,
      resource: owner.id,
      service,
      methods,
      paths: [path],
      at: locOf(owner, at),
      details,
    };
    this.state.routes.push(route);
    return route;
  }
}

function readServices(b: IngressStateBuilder): void {
  for (const o of b.objects) if (o.kind === 'Service' || o.kind === 'KongServiceFacade') b.serviceFor(o, o.id, locOf(o, []));
}

/** Consumer groups, then consumers (which name their groups). */
function readConsumers(b: IngressStateBuilder): void {
  for (const o of b.objects) if (o.kind === 'KongConsumerGroup') b.groupFor(o, o.id, locOf(o, []));
  for (const o of b.objects) {
    if (o.kind !== 'KongConsumer') continue;
    const groups: KongConsumerGroup[] = [];
    const names = Array.isArray(o.obj.consumerGroups) ? o.obj.consumerGroups : [];
    names.forEach((n, i) => {
      if (typeof n !== 'string') return;
      groups.push(
        b.groupFor(pick(b.index.groupsByName.get(`${o.namespace}/${n}`), o.file), `${o.namespace}/KongConsumerGroup/${n}`, locOf(o, ['consumerGroups', i])),
      );
    });
    const consumer: KongConsumer = { kind: 'consumer', key: `c${b.state.consumers.length}`, label: o.id, at: locOf(o, ['metadata', 'name']), groups };
    b.state.consumers.push(consumer);
    for (const p of b.pluginRefs(o)) b.relationsOf(p).consumers.push(consumer);
  }
}

/** Ingress: one route per rule path and one for the default backend, all with the Ingress's methods. */
function readIngresses(b: IngressStateBuilder): void {
  for (const o of b.objects) {
    if (o.kind !== 'Ingress') continue;
    const methods = ingressMethods(o, b.index.kongIngresses, b.errors);
    const routes: KongRoute[] = [];
    const spec = isRecord(o.obj.spec) ? o.obj.spec : {};
    const backendOf = (be: unknown, at: PathSegment[]): KongService | undefined => ingressBackend(b, o, be, at);
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
        routes.push(b.addRoute(o, path, host, methods, backendOf(p.backend, [...at, 'backend']), typeof p.path === 'string' ? [...at, 'path'] : at, extra));
      });
    });
    const dflt = isRecord(spec.defaultBackend) ? 'defaultBackend' : isRecord(spec.backend) ? 'backend' : undefined;
    if (dflt) routes.push(b.addRoute(o, '/', undefined, methods, backendOf(spec[dflt], ['spec', dflt]), ['spec', dflt], { defaultBackend: 'true' }));
    for (const p of b.pluginRefs(o)) b.relationsOf(p).routes.push(...routes);
  }
}

function ingressBackend(b: IngressStateBuilder, o: K8sObject, be: unknown, at: PathSegment[]): KongService | undefined {
  if (!isRecord(be)) return undefined;
  if (isRecord(be.service) && typeof be.service.name === 'string')
    return b.backendService(o, 'Service', o.namespace, be.service.name, locOf(o, [...at, 'service', 'name']));
  if (typeof be.serviceName === 'string') return b.backendService(o, 'Service', o.namespace, be.serviceName, locOf(o, [...at, 'serviceName']));
  if (isRecord(be.resource) && typeof be.resource.name === 'string') {
    const kind = typeof be.resource.kind === 'string' ? be.resource.kind : 'Service';
    return b.backendService(o, kind, o.namespace, be.resource.name, locOf(o, [...at, 'resource', 'name']));
  }
  return undefined;
}

/** Plugin instances: every plugin named somewhere, and every global KongClusterPlugin. */
function addPluginInstances(b: IngressStateBuilder): void {
  for (const o of b.objects) {
    if (o.kind === 'KongClusterPlugin' && label(o, 'global') === 'true') b.relationsOf(o);
  }
  for (const rel of b.relations.values()) {
    const def = rel.def;
    const base = readPluginDef(def, b.errors);
    if (!base) continue;
    const seen = new Set<string>();
    for (const scope of pluginScopes(rel)) {
      const k = [scope.consumer?.key, scope.consumerGroup?.key, scope.route?.key, scope.service?.key].join('|');
      if (seen.has(k)) continue; // the same plugin named twice for one entity is one instance
      seen.add(k);
      b.state.plugins.push({ ...base, key: `${def.id}@${k}`, scope });
    }
  }
}

/** KIC's ForeignRelations.GetCombinations: consumers AND routes/services run per consumer on each of them. */
function pluginScopes(rel: Relations): KongPluginScope[] {
  const def = rel.def;
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
  return scopes;
}

/** Route methods of an Ingress: `konghq.com/methods` wins over a KongIngress `route.methods` (KIC docs); none = all. */
function ingressMethods(o: K8sObject, kongIngresses: Map<string, K8sObject[]>, errors: InputError[]): Value<Method[]> {
  const text = annotation(o, METHODS_ANNOTATION);
  if (text !== undefined) {
    const ms = methodsFromText(text);
    if (ms.length) return known(ms);
    return unknown(
      `${METHODS_ANNOTATION} ${JSON.stringify(text)} names no HTTP method cachelint knows`,
      locOf(o, ['metadata', 'annotations', METHODS_ANNOTATION]),
    );
  }
  const override = annotation(o, 'konghq.com/override');
  if (override !== undefined) {
    const ki = pick(kongIngresses.get(`${o.namespace}/${override.trim()}`), o.file);
    if (!ki)
      return unknown(
        `konghq.com/override names KongIngress ${o.namespace}/${override.trim()}, which no scanned file defines: its route.methods may restrict this Ingress`,
        locOf(o, ['metadata', 'annotations', 'konghq.com/override']),
      );
    const route = isRecord(ki.obj.route) ? ki.obj.route : undefined;
    if (route && Array.isArray(route.methods) && route.methods.length) {
      const ms = methodsFromText(route.methods.map(String).join(','));
      if (ms.length) return known(ms);
      errors.push(errorAt(ki, ['route', 'methods'], 'invalid-manifest', `KongIngress ${ki.id} route.methods names no HTTP method`));
    }
  }
  return known([...ALL_METHODS]);
}
