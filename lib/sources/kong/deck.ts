// Reads one Kong declarative configuration document (DB-less kong.yml, decK state file; _format_version 1.1, 2.1,
// 3.0) into the normalised KongState (state.ts). Walks the document once: services, routes, consumers, consumer
// groups and plugins, nested or top-level, with foreign keys (`service`, `route`, `consumer`, `consumer_group`, by
// name or id, string or `{name}`/`{id}`/`{username}`) resolved through maps — linear in the size of the file.
// decK specifics (docs/platforms/kong.md#deck): `_plugin_configs` + `_config`, `_info.defaults`, `_info.select_tags`, env
// placeholders.
import type { InputError } from '../../findings';
import type { ConfigFact, SourceLocation, Value } from '../../model';
import { known, unknown } from '../../model';
import { LazyLocation, type PathSegment, type YamlDocument } from '../../parse/yaml';
import type { DeckDocument } from './deck-patch';
import { findPlaceholder, isRecord, placeholderWhy } from './placeholders';
import { AUTH_PLUGINS, cacheKindOf, isRelevantPlugin } from './plugins';
import { routeMethods } from './deck-routes';
import type { KongConsumer, KongConsumerGroup, KongEntity, KongEntityKind, KongPlugin, KongPluginScope, KongRoute, KongService, KongState } from './state';
import { LayeredPluginConfig } from './state';

export const KONG_FORMAT_VERSIONS = ['1.1', '2.1', '3.0'];

export interface DeckReadResult {
  state: KongState;
  /** Located problems (unknown _format_version, unresolved foreign keys, malformed entries); the rest is still read. */
  errors: InputError[];
}

const FK_FIELDS: [string, KongEntityKind][] = [
  ['service', 'service'],
  ['route', 'route'],
  ['consumer', 'consumer'],
  ['consumer_group', 'consumer_group'],
];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** The reference a foreign key names: a string, or `{ name }`, `{ id }`, `{ username }`. */
function refOf(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (isRecord(v)) return str(v.id) ?? str(v.name) ?? str(v.username) ?? str(v.custom_id);
  return undefined;
}

function versionOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : String(v);
  return undefined;
}

export function pathText(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(root)';
}

class Registry<E extends KongEntity> {
  private readonly byRef = new Map<string, E>();
  readonly list: E[] = [];
  add(e: E, a: string | undefined, b: string | undefined, c?: string) {
    this.list.push(e);
    this.ref(a, e);
    this.ref(b, e);
    this.ref(c, e);
  }
  private ref(r: string | undefined, e: E) {
    if (r !== undefined && !this.byRef.has(r)) this.byRef.set(r, e);
  }
  get(ref: string): E | undefined {
    return this.byRef.get(ref);
  }
}

interface Registries {
  service: Registry<KongService>;
  route: Registry<KongRoute>;
  consumer: Registry<KongConsumer>;
  consumer_group: Registry<KongConsumerGroup>;
}

type PendingPlugin = { value: Record<string, unknown>; path: PathSegment[]; parent: KongPluginScope };

/** Reads a document the Kong adapter detected. Never throws on content: problems become located errors. */
export function readDeckState(file: string, doc: YamlDocument | DeckDocument): DeckReadResult {
  const reader = new DeckReader(file, doc);
  reader.checkFormatVersion();
  reader.readEntities();
  reader.resolveRouteServices();
  reader.resolveMembership();
  const statePlugins = reader.readPlugins();
  const { root, reg } = reader;

  const details: Record<string, string> = {};
  const formatVersion = root._format_version;
  if (formatVersion !== undefined) details.formatVersion = typeof formatVersion === 'string' ? formatVersion : JSON.stringify(formatVersion);
  if (reader.selectTags) details.selectTags = reader.selectTags.join(',');
  return {
    state: {
      services: reg.service.list,
      routes: reg.route.list,
      consumers: reg.consumer.list,
      consumerGroups: reg.consumer_group.list,
      plugins: statePlugins,
      facts: reader.facts,
      details,
    },
    errors: reader.errors,
  };
}

/** One pass over one document: entities first, then the references between them, then the plugins. */
class DeckReader {
  readonly root: Record<string, unknown>;
  readonly errors: InputError[] = [];
  readonly facts: ConfigFact[] = [];
  readonly reg: Registries = {
    service: new Registry<KongService>(),
    route: new Registry<KongRoute>(),
    consumer: new Registry<KongConsumer>(),
    consumer_group: new Registry<KongConsumerGroup>(),
  };
  readonly routeDefaults: Record<string, unknown> | undefined;
  readonly selectTags: string[] | undefined;
  private readonly pluginConfigs: Record<string, unknown>;
  private readonly pendingPlugins: PendingPlugin[] = [];
  private readonly pendingRouteServices: { route: KongRoute; value: unknown; path: PathSegment[] }[] = [];
  private readonly pendingMembership: { consumer?: KongConsumer; group?: KongConsumerGroup; ref: string }[] = [];

  constructor(
    private readonly file: string,
    private readonly doc: YamlDocument | DeckDocument,
  ) {
    const root = doc.value as Record<string, unknown>;
    this.root = root;
    // decK `_info.defaults.route` fills fields a route leaves out before Kong sees it (docs/platforms/kong.md#deck). Service
    // defaults (protocol, timeouts, retries) decide nothing cachelint judges.
    const info = isRecord(root._info) ? root._info : undefined;
    this.routeDefaults = isRecord(info?.defaults) && isRecord(info.defaults.route) ? info.defaults.route : undefined;
    this.selectTags = Array.isArray(info?.select_tags) ? info.select_tags.map(String) : undefined;
    this.pluginConfigs = isRecord(root._plugin_configs) ? root._plugin_configs : {};
  }

  // A state patched by decK patch files (deck-patch.ts) says which file each member was written in.
  private fileAt(path: readonly PathSegment[]) {
    return 'fileAt' in this.doc && this.doc.fileAt ? this.doc.fileAt(path) : this.file;
  }
  locate = (path: readonly PathSegment[]): SourceLocation => {
    const l = this.doc.locate(path);
    return { file: this.fileAt(path), line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
  };
  private error(code: string, message: string, path: readonly PathSegment[]) {
    const l = this.locate(path);
    this.errors.push({ file: l.file, line: l.line, column: l.column, code, message });
  }
  /** A location whose line is looked up only if something reads it (most entities never end up in a finding). */
  private lazyAt(path: readonly PathSegment[]): SourceLocation {
    return new LazyLocation(this.fileAt(path), this.doc, path);
  }
  /** Where an entity is named: its name key when it has one, else the entity. */
  private namedAt(value: Record<string, unknown>, path: PathSegment[], key = 'name') {
    return this.lazyAt(key in value ? [...path, key] : path);
  }

  checkFormatVersion() {
    // _format_version: required by Kong, one of 1.1, 2.1, 3.0 (docs/platforms/kong.md#declarative-config). decK split files often omit it.
    const root = this.root;
    const version = versionOf(root._format_version);
    if ('_format_version' in root && (version === undefined || !KONG_FORMAT_VERSIONS.includes(version)))
      this.error(
        'unknown-format',
        `unknown Kong _format_version ${JSON.stringify(root._format_version)} (Kong accepts ${KONG_FORMAT_VERSIONS.join(', ')}); judged as 3.0`,
        ['_format_version'],
      );
  }

  private each(parent: unknown, key: string, basePath: PathSegment[], fn: (item: Record<string, unknown>, path: PathSegment[], i: number) => void) {
    if (!isRecord(parent)) return;
    const items = parent[key];
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      this.error('parse', `Kong config: ${pathText([...basePath, key])}: ${key} must be a list`, [...basePath, key]);
      return;
    }
    items.forEach((item, i) => {
      if (!isRecord(item)) {
        this.error('parse', `Kong config: ${pathText([...basePath, key, i])}: ${key}[${i}] must be a mapping`, [...basePath, key, i]);
        return;
      }
      fn(item, [...basePath, key, i], i);
    });
  }
  private plugins(owner: unknown, ownerPath: PathSegment[], parent: KongPluginScope) {
    this.each(owner, 'plugins', ownerPath, (p, path) => this.pendingPlugins.push({ value: p, path, parent }));
  }

  private addRoute(r: Record<string, unknown>, path: PathSegment[], i: number, service: KongService | undefined) {
    const label = str(r.name) ?? str(r.id) ?? (service ? `${service.label}/${i}` : `routes[${i}]`);
    const { methods, paths, expression } = routeMethods(r, path, this.routeDefaults, this.locate);
    const details: Record<string, string> = { routeName: label, routeIndexPath: pathText(path) };
    if (Array.isArray(r.hosts) && r.hosts.length) details.hosts = r.hosts.map(String).join(',');
    if (expression) details.expression = expression;
    const route: KongRoute = {
      kind: 'route',
      key: `r${this.reg.route.list.length}`,
      label,
      at: this.namedAt(r, path),
      findingId: label,
      service,
      methods,
      paths,
      details,
    };
    this.reg.route.add(route, str(r.name), str(r.id));
    if (!service && r.service !== undefined && r.service !== null) this.pendingRouteServices.push({ route, value: r.service, path: [...path, 'service'] });
    this.plugins(r, path, { route });
  }

  /** Services (with their nested routes), routes, consumers, consumer groups, then top-level plugins, in that order. */
  readEntities() {
    const { root, reg } = this;
    this.each(root, 'services', [], (s, path, i) => {
      const e: KongService = { kind: 'service', key: `s${i}`, label: str(s.name) ?? str(s.id) ?? `services[${i}]`, at: this.namedAt(s, path) };
      reg.service.add(e, str(s.name), str(s.id));
      this.each(s, 'routes', path, (r, rpath, j) => this.addRoute(r, rpath, j, e));
      this.plugins(s, path, { service: e });
    });
    this.each(root, 'routes', [], (r, path, i) => this.addRoute(r, path, i, undefined));
    this.each(root, 'consumers', [], (c, path, i) => {
      const label = str(c.username) ?? str(c.custom_id) ?? str(c.id) ?? `consumers[${i}]`;
      const e: KongConsumer = { kind: 'consumer', key: `c${i}`, label, at: this.namedAt(c, path, 'username'), groups: [] };
      reg.consumer.add(e, str(c.username), str(c.id), str(c.custom_id));
      this.plugins(c, path, { consumer: e });
      if (Array.isArray(c.groups))
        for (const g of c.groups) {
          const ref = refOf(g);
          if (ref) this.pendingMembership.push({ consumer: e, ref });
        }
    });
    this.each(root, 'consumer_groups', [], (g, path, i) => {
      const label = str(g.name) ?? str(g.id) ?? `consumer_groups[${i}]`;
      const e: KongConsumerGroup = { kind: 'consumer_group', key: `g${i}`, label, at: this.namedAt(g, path) };
      reg.consumer_group.add(e, str(g.name), str(g.id));
      this.plugins(g, path, { consumerGroup: e });
      if (Array.isArray(g.consumers))
        for (const c of g.consumers) {
          const ref = refOf(c);
          if (ref) this.pendingMembership.push({ group: e, ref });
        }
    });
    this.plugins(root, [], {});
  }

  /** Resolves a foreign key; undefined when unresolved (an error, or a CL006 fact when a placeholder names it). */
  private resolve<K extends KongEntityKind>(v: unknown, kind: K, path: PathSegment[], what: string, plugin?: string) {
    const ref = refOf(v);
    const placeholder = ref === undefined ? undefined : findPlaceholder(ref);
    if (placeholder) {
      if (plugin && isRelevantPlugin(plugin)) this.facts.push(this.placeholderScopeFact(plugin, path, what, placeholder));
      return undefined;
    }
    const hit = ref === undefined ? undefined : this.reg[kind].get(ref);
    if (!hit)
      this.error('unresolved-reference', `${what} refers to ${kind.replace('_', ' ')} ${ref ?? JSON.stringify(v)}, which this file does not define`, path);
    return hit as Registries[K] extends Registry<infer E> ? E | undefined : never;
  }

  /** A relevant plugin whose scope a placeholder names: which routes it runs on is unknown (CL006). */
  private placeholderScopeFact(plugin: string, path: PathSegment[], what: string, placeholder: NonNullable<ReturnType<typeof findPlaceholder>>): ConfigFact {
    return {
      kind: 'unresolved-setting',
      resource: plugin,
      route: `plugin ${plugin}`,
      findingId: `${plugin}@${pathText(path)}`,
      at: this.locate(path),
      reason: { kind: 'plugin-scope', plugin: what, why: placeholderWhy(placeholder, 'which entity it is attached to') },
      blocks: cacheKindOf(plugin) ? ['CL001', 'CL002', 'CL004'] : AUTH_PLUGINS.has(plugin) ? ['CL004'] : ['CL003'],
      flavor: 'kong',
      platform: 'kong',
    };
  }

  resolveRouteServices() {
    for (const { route, value, path } of this.pendingRouteServices) {
      const s = this.resolve(value, 'service', path, `route ${route.label}`);
      if (s) route.service = s;
    }
  }

  // Membership lists often name consumers defined in another decK file; no scope depends on an unknown member.
  resolveMembership() {
    for (const m of this.pendingMembership) {
      const consumer = m.consumer ?? this.reg.consumer.get(m.ref);
      const group = m.group ?? this.reg.consumer_group.get(m.ref);
      if (consumer && group && !consumer.groups.includes(group)) consumer.groups.push(group);
    }
  }

  readPlugins(): KongPlugin[] {
    const statePlugins: KongPlugin[] = [];
    for (const p of this.pendingPlugins) {
      const plugin = this.readPlugin(p);
      if (plugin) statePlugins.push(plugin);
    }
    return statePlugins;
  }

  /** One plugin entry; undefined when it has no name or its scope is an entity this file does not define. */
  private readPlugin(p: PendingPlugin): KongPlugin | undefined {
    const name = typeof p.value.name === 'string' ? p.value.name : undefined;
    if (!name) {
      this.error('parse', `Kong config: ${pathText(p.path)}: plugin without a name`, p.path);
      return undefined;
    }
    // _config is checked on every plugin (a dangling reference is a broken file whatever the plugin).
    const ref = p.value._config;
    const shared = this.sharedConfigOf(name, ref, p.path);
    const scope = this.scopeOf(name, p);
    if (!scope) return undefined;
    const own = isRecord(p.value.config) ? p.value.config : undefined;
    const ownPath = [...p.path, 'config'];
    const sharedPath = ['_plugin_configs', String(ref)];
    const config = new LayeredPluginConfig(
      own,
      (sub) => this.lazyAt(sub.length ? [...ownPath, ...sub] : ownPath),
      shared,
      (sub) => this.lazyAt(sub.length ? [...sharedPath, ...sub] : sharedPath),
      shared ? `_plugin_configs.${String(ref)}` : undefined,
    );
    const enabledPath = [...p.path, 'enabled'];
    const at = this.lazyAt([...p.path, 'name']);
    const enabledAt = 'enabled' in p.value ? this.lazyAt(enabledPath) : at;
    const plugin: KongPlugin = { name, key: pathText(p.path), scope, enabled: enabledOf(name, p.value.enabled, () => enabledAt), at, enabledAt, config };
    // A patched state is not the text of any one file: its plugins are fixed by hand.
    if (!('fileAt' in this.doc && this.doc.fileAt) && 'index' in this.doc) plugin.configPath = { file: this.file, document: this.doc.index, path: ownPath };
    return plugin;
  }

  /** The `_plugin_configs` entry `_config` names, if any; a dangling name is an error. */
  private sharedConfigOf(name: string, ref: unknown, path: PathSegment[]): Record<string, unknown> | undefined {
    let shared: Record<string, unknown> | undefined;
    if (typeof ref === 'string') {
      if (isRecord(this.pluginConfigs[ref])) shared = this.pluginConfigs[ref];
      else
        this.error('unresolved-reference', `plugin ${name} takes its config from _config "${ref}", which _plugin_configs does not define in this file`, [
          ...path,
          '_config',
        ]);
    }
    return shared;
  }

  /** Where the plugin is attached plus its foreign keys; undefined when one of them names nothing this file defines. */
  private scopeOf(name: string, p: PendingPlugin): KongPluginScope | undefined {
    const scope: KongPluginScope = { ...p.parent };
    let dropped = false;
    for (const [field, kind] of FK_FIELDS) {
      const v = p.value[field];
      if (v === undefined || v === null) continue;
      const hit = this.resolve(v, kind, [...p.path, field], `plugin ${name}`, name);
      if (!hit) {
        dropped = true; // its scope is an entity this file does not define: it applies to none of this file's routes
        continue;
      }
      if (kind === 'consumer_group') scope.consumerGroup = hit as KongConsumerGroup;
      else (scope as Record<string, KongEntity>)[kind] = hit;
    }
    return dropped ? undefined : scope;
  }
}

/** decK `enabled`: default true; `false` (or the string "false") disables; a placeholder makes it unknown. */
function enabledOf(name: string, v: unknown, at: () => SourceLocation): Value<boolean> {
  const ph = findPlaceholder(v);
  if (ph) return unknown(placeholderWhy(ph, `whether ${name} is enabled`), at());
  return known(!(v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false')));
}
