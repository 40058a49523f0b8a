// Walks a Kong declarative config once and collects services, routes, consumers, consumer groups and plugins,
// nested or top-level, resolving foreign keys (`service`, `route`, `consumer`, `consumer_group`, by name or id,
// string or `{name}`/`{id}`/`{username}`) through maps: linear in the size of the file.
import type { PathSegment, YamlDocument } from '../../parse/yaml';
import { findPlaceholder, isRecord } from './deck';

export type EntityKind = 'service' | 'route' | 'consumer' | 'consumer_group';

export interface Entity {
  kind: EntityKind;
  /** Internal key: unique per file. */
  key: string;
  /** The user's name for it (name / username), or id, or its index path. */
  label: string;
  value: Record<string, unknown>;
  path: PathSegment[];
}

export interface RouteEntity extends Entity {
  service?: Entity;
  /** Index inside its parent list, for fallbacks. */
  index: number;
}

export interface Scope {
  service?: Entity;
  route?: Entity;
  consumer?: Entity;
  group?: Entity;
}

export interface PluginEntity {
  name: string;
  value: Record<string, unknown>;
  path: PathSegment[];
  scope: Scope;
}

export interface Unresolved {
  what: string;
  ref: string;
  path: PathSegment[];
  /** A decK placeholder made the reference unresolvable (not an error in the file). */
  placeholder?: string;
  /** The plugin whose foreign key it is, when it is one. */
  plugin?: string;
}

export interface Collected {
  services: Entity[];
  routes: RouteEntity[];
  consumers: Entity[];
  groups: Entity[];
  plugins: PluginEntity[];
  unresolved: Unresolved[];
  /** consumer key → group keys it belongs to. */
  membership: Map<string, Entity[]>;
  /** Entries that are not mappings where an entity was expected. */
  malformed: { path: PathSegment[]; what: string }[];
}

const FK_FIELDS: [string, EntityKind][] = [
  ['service', 'service'],
  ['route', 'route'],
  ['consumer', 'consumer'],
  ['consumer_group', 'consumer_group'],
];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

class Registry {
  private readonly byRef = new Map<string, Entity>();
  readonly list: Entity[] = [];

  add(e: Entity, refs: (string | undefined)[]) {
    this.list.push(e);
    for (const r of refs) if (r !== undefined && !this.byRef.has(r)) this.byRef.set(r, e);
  }

  get(ref: string): Entity | undefined {
    return this.byRef.get(ref);
  }
}

/** The reference a foreign key names: a string, or `{ name }`, `{ id }`, `{ username }`. */
function refOf(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (isRecord(v)) return str(v.id) ?? str(v.name) ?? str(v.username) ?? str(v.custom_id);
  return undefined;
}

export function collect(doc: YamlDocument): Collected {
  const root = doc.value as Record<string, unknown>;
  const reg: Record<EntityKind, Registry> = {
    service: new Registry(),
    route: new Registry(),
    consumer: new Registry(),
    consumer_group: new Registry(),
  };
  const routes: RouteEntity[] = [];
  const malformed: Collected['malformed'] = [];
  const pendingPlugins: { value: Record<string, unknown>; path: PathSegment[]; parent: Scope }[] = [];
  const pendingRouteServices: { route: RouteEntity; path: PathSegment[] }[] = [];
  const pendingMembership: { consumer?: Entity; group?: Entity; ref: string; path: PathSegment[]; want: EntityKind }[] = [];

  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const each = (parent: unknown, key: string, basePath: PathSegment[], fn: (item: Record<string, unknown>, path: PathSegment[], i: number) => void) => {
    if (!isRecord(parent)) return;
    const items = parent[key];
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      malformed.push({ path: [...basePath, key], what: `${key} must be a list` });
      return;
    }
    items.forEach((item, i) => {
      if (!isRecord(item)) {
        malformed.push({ path: [...basePath, key, i], what: `${key}[${i}] must be a mapping` });
        return;
      }
      fn(item, [...basePath, key, i], i);
    });
  };
  const plugins = (owner: unknown, ownerPath: PathSegment[], parent: Scope) =>
    each(owner, 'plugins', ownerPath, (p, path) => pendingPlugins.push({ value: p, path, parent }));

  const addRoute = (r: Record<string, unknown>, path: PathSegment[], i: number, service: Entity | undefined) => {
    const label = str(r.name) ?? str(r.id) ?? (service ? `${service.label}/${i}` : `routes[${i}]`);
    const e: RouteEntity = { kind: 'route', key: `r${routes.length}`, label, value: r, path, service, index: i };
    routes.push(e);
    reg.route.add(e, [str(r.name), str(r.id)]);
    if (!service && r.service !== undefined && r.service !== null) pendingRouteServices.push({ route: e, path: [...path, 'service'] });
    plugins(r, path, { route: e });
  };

  each(root, 'services', [], (s, path, i) => {
    const e: Entity = { kind: 'service', key: `s${i}`, label: str(s.name) ?? str(s.id) ?? `services[${i}]`, value: s, path };
    reg.service.add(e, [str(s.name), str(s.id)]);
    each(s, 'routes', path, (r, rpath, j) => addRoute(r, rpath, j, e));
    plugins(s, path, { service: e });
  });
  each(root, 'routes', [], (r, path, i) => addRoute(r, path, i, undefined));
  each(root, 'consumers', [], (c, path, i) => {
    const e: Entity = { kind: 'consumer', key: `c${i}`, label: str(c.username) ?? str(c.custom_id) ?? str(c.id) ?? `consumers[${i}]`, value: c, path };
    reg.consumer.add(e, [str(c.username), str(c.id), str(c.custom_id)]);
    plugins(c, path, { consumer: e });
    list(c.groups).forEach((g, k) => {
      const ref = refOf(g);
      if (ref) pendingMembership.push({ consumer: e, ref, path: [...path, 'groups', k], want: 'consumer_group' });
    });
  });
  each(root, 'consumer_groups', [], (g, path, i) => {
    const e: Entity = { kind: 'consumer_group', key: `g${i}`, label: str(g.name) ?? str(g.id) ?? `consumer_groups[${i}]`, value: g, path };
    reg.consumer_group.add(e, [str(g.name), str(g.id)]);
    plugins(g, path, { group: e });
    list(g.consumers).forEach((c, k) => {
      const ref = refOf(c);
      if (ref) pendingMembership.push({ group: e, ref, path: [...path, 'consumers', k], want: 'consumer' });
    });
  });
  plugins(root, [], {});

  const unresolved: Unresolved[] = [];
  const resolve = (v: unknown, kind: EntityKind, path: PathSegment[], what: string, plugin?: string): Entity | null => {
    const ref = refOf(v);
    if (ref === undefined) {
      unresolved.push({ what, ref: JSON.stringify(v), path, plugin });
      return null;
    }
    const placeholder = findPlaceholder(ref);
    if (placeholder) {
      unresolved.push({ what, ref, path, placeholder, plugin });
      return null;
    }
    const hit = reg[kind].get(ref);
    if (!hit) unresolved.push({ what, ref, path, plugin });
    return hit ?? null;
  };

  for (const { route, path } of pendingRouteServices) {
    const s = resolve(route.value.service, 'service', path, `route ${route.label}`);
    if (s) route.service = s;
  }

  const membership = new Map<string, Entity[]>();
  const join = (c: Entity, g: Entity) => {
    const gs = membership.get(c.key) ?? [];
    if (!gs.includes(g)) gs.push(g);
    membership.set(c.key, gs);
  };
  for (const m of pendingMembership) {
    const hit = reg[m.want].get(m.ref);
    if (!hit) continue; // membership lists name consumers defined elsewhere often (decK split files); no scope depends on it
    if (m.consumer) join(m.consumer, hit);
    else if (m.group) join(hit, m.group);
  }

  const pluginEntities: PluginEntity[] = [];
  for (const p of pendingPlugins) {
    const name = typeof p.value.name === 'string' ? p.value.name : undefined;
    if (!name) {
      malformed.push({ path: p.path, what: 'plugin without a name' });
      continue;
    }
    const scope: Scope = { ...p.parent };
    let dropped = false;
    for (const [field, kind] of FK_FIELDS) {
      const v = p.value[field];
      if (v === undefined || v === null) continue;
      const hit = resolve(v, kind, [...p.path, field], `plugin ${name}`, name);
      if (hit === null) {
        dropped = true; // its scope is an entity this file does not define: it applies to none of this file's routes
        continue;
      }
      scope[kind === 'consumer_group' ? 'group' : kind] = hit;
    }
    if (!dropped) pluginEntities.push({ name, value: p.value, path: p.path, scope });
  }

  return {
    services: reg.service.list,
    routes,
    consumers: reg.consumer.list,
    groups: reg.consumer_group.list,
    plugins: pluginEntities,
    unresolved,
    membership,
    malformed,
  };
}
