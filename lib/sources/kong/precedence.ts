// Kong plugin precedence (domain.md §3.5): for each plugin name, only the single most specific ENABLED instance runs.
// Disabled instances are dropped before lookup (they never shadow a broader one). Lookups go through maps keyed by
// scope, so resolving N routes against M plugins costs O(N × names × 12), never N × M.
import type { Entity, PluginEntity, RouteEntity } from './entities';

/** Kong's documented order, most specific first: c = consumer, g = consumer group, r = route, s = service. */
export const PRECEDENCE = ['crs', 'grs', 'cr', 'cs', 'gr', 'gs', 'rs', 'c', 'g', 'r', 's', ''] as const;
export type Shape = (typeof PRECEDENCE)[number];

export type Enabled = { state: 'on' } | { state: 'off' } | { state: 'unknown'; placeholder: string };

export interface PluginInstance extends PluginEntity {
  shape: Shape;
  /** Position in PRECEDENCE: lower is more specific. */
  rank: number;
  enabled: Enabled;
  /** The collected plugin this instance was made from (identity key for per-plugin data). */
  entity: PluginEntity;
}

const shapeOf = (p: PluginEntity): string =>
  (p.scope.consumer ? 'c' : '') + (p.scope.group ? 'g' : '') + (p.scope.route ? 'r' : '') + (p.scope.service ? 's' : '');

const keyOf = (c?: Entity, g?: Entity, r?: Entity, s?: Entity) => `${c?.key ?? ''}|${g?.key ?? ''}|${r?.key ?? ''}|${s?.key ?? ''}`;

/** The human scope of an instance: 'global', 'service', 'route', 'route+service', 'consumer alice', 'consumer group vip + route'. */
export function scopeText(p: PluginEntity, withNames = false): string {
  const parts: string[] = [];
  if (p.scope.consumer) parts.push(`consumer ${p.scope.consumer.label}`);
  if (p.scope.group) parts.push(`consumer group ${p.scope.group.label}`);
  if (p.scope.route) parts.push(withNames ? `route ${p.scope.route.label}` : 'route');
  if (p.scope.service) parts.push(withNames ? `service ${p.scope.service.label}` : 'service');
  return parts.length ? parts.join(' + ') : 'global';
}

interface Who {
  all: Set<Entity>;
  byRoute: Map<string, Set<Entity>>;
  byService: Map<string, Set<Entity>>;
}

const addWho = (m: Map<string, Who>, name: string, who: Entity, p: PluginEntity) => {
  let w = m.get(name);
  if (!w) m.set(name, (w = { all: new Set(), byRoute: new Map(), byService: new Map() }));
  const put = (map: Map<string, Set<Entity>>, k: string) => {
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    set.add(who);
  };
  if (p.scope.route) put(w.byRoute, p.scope.route.key);
  else if (p.scope.service) put(w.byService, p.scope.service.key);
  else w.all.add(who);
};

export class PluginIndex {
  private readonly enabled = new Map<string, Map<string, PluginInstance>>();
  private readonly disabled = new Map<string, Map<string, PluginInstance>>();
  private readonly consumers = new Map<string, Who>();
  private readonly groups = new Map<string, Who>();
  /** Instances Kong would reject as a duplicate of the same name and scope (the first one is used). */
  readonly duplicates: PluginInstance[] = [];

  constructor(
    plugins: readonly PluginEntity[],
    enabledOf: (p: PluginEntity) => Enabled,
    private readonly membership: Map<string, Entity[]>,
  ) {
    for (const p of plugins) {
      const shape = shapeOf(p);
      const rank = (PRECEDENCE as readonly string[]).indexOf(shape);
      if (rank < 0) continue; // a combination Kong never matches (consumer + consumer group)
      const inst: PluginInstance = { ...p, shape: shape as Shape, rank, enabled: enabledOf(p), entity: p };
      const target = inst.enabled.state === 'off' ? this.disabled : this.enabled;
      let byKey = target.get(p.name);
      if (!byKey) target.set(p.name, (byKey = new Map()));
      const key = keyOf(p.scope.consumer, p.scope.group, p.scope.route, p.scope.service);
      if (byKey.has(key)) {
        this.duplicates.push(inst);
        continue;
      }
      byKey.set(key, inst);
      if (inst.enabled.state === 'off') continue;
      if (p.scope.consumer) addWho(this.consumers, p.name, p.scope.consumer, p);
      else if (p.scope.group) addWho(this.groups, p.name, p.scope.group, p);
    }
  }

  /** Plugin names with at least one instance, enabled or not. */
  names(): string[] {
    return [...new Set([...this.enabled.keys(), ...this.disabled.keys()])];
  }

  private lookup(byKey: Map<string, PluginInstance> | undefined, route: RouteEntity, consumer?: Entity, group?: Entity, maxRank = PRECEDENCE.length): PluginInstance | undefined {
    if (!byKey) return undefined;
    const r = route;
    const s = route.service;
    for (let i = 0; i < maxRank; i++) {
      const shape = PRECEDENCE[i];
      const c = shape.includes('c') ? consumer : undefined;
      const g = shape.includes('g') ? group : undefined;
      if (shape.includes('c') && !c) continue;
      if (shape.includes('g') && !g) continue;
      if (shape.includes('s') && !s) continue;
      const hit = byKey.get(keyOf(c, g, shape.includes('r') ? r : undefined, shape.includes('s') ? s : undefined));
      if (hit) return hit;
    }
    return undefined;
  }

  /** The instance that runs for requests on this route that no auth plugin tied to a consumer. */
  applied(name: string, route: RouteEntity): PluginInstance | undefined {
    return this.lookup(this.enabled.get(name), route);
  }

  /** Disabled instances at consumer-less scopes that match this route (route+service, route, service, global). */
  disabledFor(name: string, route: RouteEntity): PluginInstance[] {
    const byKey = this.disabled.get(name);
    if (!byKey) return [];
    const out: PluginInstance[] = [];
    const s = route.service;
    for (const k of [keyOf(undefined, undefined, route, s), keyOf(undefined, undefined, route), keyOf(undefined, undefined, undefined, s), keyOf()]) {
      const hit = byKey.get(k);
      if (hit && !out.includes(hit)) out.push(hit);
    }
    return out;
  }

  /**
   * Instances that run instead of the consumer-less one for some consumer or consumer group on this route, one per
   * distinct instance (Kong picks by the documented order; a consumer in several groups: the first group listed).
   */
  consumerVariants(name: string, route: RouteEntity): PluginInstance[] {
    const byKey = this.enabled.get(name);
    if (!byKey) return [];
    const main = this.lookup(byKey, route);
    const out = new Set<PluginInstance>();
    const candidates = (m: Map<string, Who>) => {
      const w = m.get(name);
      if (!w) return [];
      const set = new Set<Entity>(w.all);
      for (const e of w.byRoute.get(route.key) ?? []) set.add(e);
      if (route.service) for (const e of w.byService.get(route.service.key) ?? []) set.add(e);
      return [...set];
    };
    for (const c of candidates(this.consumers)) {
      const hit = this.lookup(byKey, route, c, this.membership.get(c.key)?.[0]);
      if (hit && hit !== main) out.add(hit);
    }
    for (const g of candidates(this.groups)) {
      const hit = this.lookup(byKey, route, undefined, g);
      if (hit && hit !== main) out.add(hit);
    }
    return [...out];
  }
}
