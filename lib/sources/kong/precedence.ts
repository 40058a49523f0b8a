// Kong plugin precedence (docs/platforms/kong.md#plugin-precedence): for each plugin name, only the single most specific ENABLED instance runs.
// Disabled instances are dropped before lookup (they never shadow a broader one). Lookups go through maps keyed by
// scope, so resolving N routes against M plugins costs O(N × names × 12), never N × M.
import type { KongConsumer, KongConsumerGroup, KongEntity, KongPlugin, KongRoute } from './state';

/** Kong's documented order, most specific first: c = consumer, g = consumer group, r = route, s = service. */
export const PRECEDENCE = ['crs', 'grs', 'cr', 'cs', 'gr', 'gs', 'rs', 'c', 'g', 'r', 's', ''] as const;
export type Shape = (typeof PRECEDENCE)[number];

export interface PluginInstance {
  plugin: KongPlugin;
  shape: Shape;
  /** Position in PRECEDENCE: lower is more specific. */
  rank: number;
}

const shapeOf = (p: KongPlugin): string =>
  (p.scope.consumer ? 'c' : '') + (p.scope.consumerGroup ? 'g' : '') + (p.scope.route ? 'r' : '') + (p.scope.service ? 's' : '');

const keyOf = (c?: KongEntity, g?: KongEntity, r?: KongEntity, s?: KongEntity) => `${c?.key ?? ''}|${g?.key ?? ''}|${r?.key ?? ''}|${s?.key ?? ''}`;

/** The human scope of a plugin: 'global', 'service', 'route + service', 'consumer alice', 'consumer group vip + route'. */
export function scopeText(p: KongPlugin, withNames = false): string {
  const parts: string[] = [];
  if (p.scope.consumer) parts.push(`consumer ${p.scope.consumer.label}`);
  if (p.scope.consumerGroup) parts.push(`consumer group ${p.scope.consumerGroup.label}`);
  if (p.scope.route) parts.push(withNames ? `route ${p.scope.route.label}` : 'route');
  if (p.scope.service) parts.push(withNames ? `service ${p.scope.service.label}` : 'service');
  return parts.length ? parts.join(' + ') : 'global';
}

/** A plugin instance's scope as an id part: `global`, `route:stripe`, `service:orders+consumer:alice`. */
export function scopeId(p: KongPlugin): string {
  const parts: string[] = [];
  if (p.scope.route) parts.push(`route:${p.scope.route.label}`);
  if (p.scope.service) parts.push(`service:${p.scope.service.label}`);
  if (p.scope.consumer) parts.push(`consumer:${p.scope.consumer.label}`);
  if (p.scope.consumerGroup) parts.push(`consumer-group:${p.scope.consumerGroup.label}`);
  return parts.length ? parts.join('+') : 'global';
}

/** Consumers (or groups) that have an instance of one plugin, bucketed by the route/service they are tied to. */
interface Who<E> {
  all: Set<E>;
  byRoute: Map<string, Set<E>>;
  byService: Map<string, Set<E>>;
}

function addWho<E>(m: Map<string, Who<E>>, who: E, p: KongPlugin) {
  let w = m.get(p.name);
  if (!w) m.set(p.name, (w = { all: new Set(), byRoute: new Map(), byService: new Map() }));
  const put = (map: Map<string, Set<E>>, k: string) => {
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    set.add(who);
  };
  if (p.scope.route) put(w.byRoute, p.scope.route.key);
  else if (p.scope.service) put(w.byService, p.scope.service.key);
  else w.all.add(who);
}

function candidates<E>(m: Map<string, Who<E>>, name: string, route: KongRoute): E[] {
  const w = m.get(name);
  if (!w) return [];
  const set = new Set<E>(w.all);
  for (const e of w.byRoute.get(route.key) ?? []) set.add(e);
  if (route.service) for (const e of w.byService.get(route.service.key) ?? []) set.add(e);
  return [...set];
}

export class PluginIndex {
  private readonly enabled = new Map<string, Map<string, PluginInstance>>();
  private readonly disabled = new Map<string, Map<string, PluginInstance>>();
  private readonly consumers = new Map<string, Who<KongConsumer>>();
  private readonly groups = new Map<string, Who<KongConsumerGroup>>();
  /** Instances Kong would reject as a duplicate of the same name and scope (the first one is used). */
  readonly duplicates: PluginInstance[] = [];

  /** Plugins whose `enabled` is unknown count as enabled: the layer built from them says why it is uncertain. */
  constructor(plugins: readonly KongPlugin[]) {
    for (const p of plugins) {
      const shape = shapeOf(p);
      const rank = (PRECEDENCE as readonly string[]).indexOf(shape);
      if (rank < 0) continue; // a combination Kong never matches (consumer + consumer group)
      const inst: PluginInstance = { plugin: p, shape: shape as Shape, rank };
      const off = p.enabled.known && !p.enabled.value;
      const target = off ? this.disabled : this.enabled;
      let byKey = target.get(p.name);
      if (!byKey) target.set(p.name, (byKey = new Map<string, PluginInstance>()));
      const key = keyOf(p.scope.consumer, p.scope.consumerGroup, p.scope.route, p.scope.service);
      if (byKey.has(key)) {
        this.duplicates.push(inst);
        continue;
      }
      byKey.set(key, inst);
      if (off) continue;
      if (p.scope.consumer) addWho(this.consumers, p.scope.consumer, p);
      else if (p.scope.consumerGroup) addWho(this.groups, p.scope.consumerGroup, p);
    }
  }

  /** Plugin names with at least one instance, enabled or not. */
  names(): string[] {
    return [...new Set([...this.enabled.keys(), ...this.disabled.keys()])];
  }

  // The consumer-less keys of the last route asked about: callers go route by route, name by name.
  private lastRoute?: KongRoute;
  private lastKeys: string[] = [];

  private consumerlessKeys(route: KongRoute): string[] {
    if (this.lastRoute !== route) {
      const s = route.service;
      this.lastRoute = route;
      this.lastKeys = s
        ? [keyOf(undefined, undefined, route, s), keyOf(undefined, undefined, route), keyOf(undefined, undefined, undefined, s), keyOf()]
        : [keyOf(undefined, undefined, route), keyOf()];
    }
    return this.lastKeys;
  }

  private lookup(byKey: Map<string, PluginInstance> | undefined, route: KongRoute, consumer?: KongEntity, group?: KongEntity): PluginInstance | undefined {
    if (!byKey) return undefined;
    if (!consumer && !group) {
      // Route+Service, Route, Service, Global: the only shapes that match without a consumer.
      for (const k of this.consumerlessKeys(route)) {
        const hit = byKey.get(k);
        if (hit) return hit;
      }
      return undefined;
    }
    const s = route.service;
    for (const shape of PRECEDENCE) {
      const wantC = shape.includes('c');
      const wantG = shape.includes('g');
      const wantS = shape.includes('s');
      if ((wantC && !consumer) || (wantG && !group) || (wantS && !s)) continue;
      const hit = byKey.get(keyOf(wantC ? consumer : undefined, wantG ? group : undefined, shape.includes('r') ? route : undefined, wantS ? s : undefined));
      if (hit) return hit;
    }
    return undefined;
  }

  /** The instance that runs for requests on this route that no auth plugin tied to a consumer. */
  applied(name: string, route: KongRoute): PluginInstance | undefined {
    return this.lookup(this.enabled.get(name), route);
  }

  /** Disabled instances at consumer-less scopes that match this route (route+service, route, service, global). */
  disabledFor(name: string, route: KongRoute): PluginInstance[] {
    const byKey = this.disabled.get(name);
    if (!byKey) return [];
    const out: PluginInstance[] = [];
    for (const k of this.consumerlessKeys(route)) {
      const hit = byKey.get(k);
      if (hit && !out.includes(hit)) out.push(hit);
    }
    return out;
  }

  /**
   * Instances that run instead of the consumer-less one for some consumer or consumer group on this route, one per
   * distinct instance (Kong picks by the documented order; a consumer in several groups: the first group listed).
   */
  consumerVariants(name: string, route: KongRoute): PluginInstance[] {
    const byKey = this.enabled.get(name);
    if (!byKey) return [];
    const main = this.lookup(byKey, route);
    const out = new Set<PluginInstance>();
    for (const c of candidates(this.consumers, name, route)) {
      const hit = this.lookup(byKey, route, c, c.groups[0]);
      if (hit && hit !== main) out.add(hit);
    }
    for (const g of candidates(this.groups, name, route)) {
      const hit = this.lookup(byKey, route, undefined, g);
      if (hit && hit !== main) out.add(hit);
    }
    return [...out];
  }
}
