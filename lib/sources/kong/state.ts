// The normalised Kong state: what a Kong data plane would load, independent of the file format it came from.
// decK / kong.yml files (deck.ts) and Kong Ingress Controller manifests are both read into a KongState; the
// precedence and endpoint building (build.ts) read only this, so both front doors share one platform truth.
//
// Locations are lazy (computed on first read and memoised): a 10,000-service file never pays for positions of
// entities no finding points at.
import type { ConfigFact, Method, SourceLocation, Value, ValuePath } from '../../model';

export type KongEntityKind = 'service' | 'route' | 'consumer' | 'consumer_group';

export interface KongEntity {
  kind: KongEntityKind;
  /** Unique within one state, e.g. `s0`, `r12`: what the precedence maps are keyed by. */
  key: string;
  /** The user's name for it: `name` / `username`, else its id, else its position (`services[2]`). */
  label: string;
  /** Where the entity is named (its `name` key, else the entity itself). */
  readonly at: SourceLocation;
}

export interface KongService extends KongEntity {
  kind: 'service';
}

export interface KongConsumerGroup extends KongEntity {
  kind: 'consumer_group';
}

export interface KongConsumer extends KongEntity {
  kind: 'consumer';
  /** Groups it belongs to, in the order listed (Kong applies the first group's instance when several match). */
  groups: KongConsumerGroup[];
}

export interface KongRoute extends KongEntity {
  kind: 'route';
  service?: KongService;
  /** Methods the route matches, already resolved by the reader: absent/empty `methods` = all seven. */
  methods: Value<Method[]>;
  /** Paths it matches ('/' when none). */
  paths: string[];
  /** Stable key for suppressions: the route name, else its id, else `<service>/<index>`. */
  findingId: string;
  /** Copied onto the endpoint's details (hosts, expression, index path, namespace...). */
  details?: Record<string, string>;
  /** The endpoint's resource name when not `<service label>/<route label>` (KIC: `shop/Ingress/orders`). */
  resource?: string;
}

export interface KongPluginScope {
  service?: KongService;
  route?: KongRoute;
  consumer?: KongConsumer;
  consumerGroup?: KongConsumerGroup;
}

/** One configuration value read from a plugin, with where it is written. */
export interface ConfigEntry {
  value: unknown;
  /** Set when the value cannot be known statically (a KIC `configFrom` Secret, ...): reads become `unknown`. */
  unknownWhy?: string;
  /** Where the value is written. */
  readonly at: SourceLocation;
  /** Where a part of the value is written: `locate([2])` for the third list item. */
  locate(sub: readonly (string | number)[]): SourceLocation;
}

/** A plugin's effective configuration, read by top-level key (and one level below for response-transformer). */
export interface KongPluginConfig {
  get(key: string): ConfigEntry | undefined;
  getIn(key: string, sub: string): ConfigEntry | undefined;
  /** Where shared config came from (decK `_plugin_configs.<name>`, a KongClusterPlugin...), for details. */
  readonly sharedFrom?: string;
}

export interface KongPlugin {
  name: string;
  /** Unique within one state and stable: decK `plugins[3]`, KIC `KongPlugin default/cache`. */
  key: string;
  scope: KongPluginScope;
  /** decK `enabled` (default true), KIC `!disabled`; unknown when a placeholder decides it. */
  enabled: Value<boolean>;
  /** Where the plugin is named (decK `name`, KIC `plugin`). */
  readonly at: SourceLocation;
  /** Where it is enabled or disabled (decK `enabled`, KIC `disabled`), else `at`. */
  readonly enabledAt: SourceLocation;
  config: KongPluginConfig;
  /** The user's resource that defines it, shown in layer names (KIC: `shop/KongPlugin/orders-cache`); decK: none. */
  resource?: string;
  /** Where its own `config` mapping is (or would be) written, for `--fix`; absent when the file is not what the user
   *  edits as it is (a state assembled from decK patch files, a config read from a Secret). */
  configPath?: ValuePath;
}

export interface KongState {
  services: KongService[];
  routes: KongRoute[];
  consumers: KongConsumer[];
  consumerGroups: KongConsumerGroup[];
  plugins: KongPlugin[];
  /** Facts found while reading (a plugin whose scope a placeholder decides → CL006). */
  facts: ConfigFact[];
  /** Copied onto every endpoint's details (formatVersion, selectTags...). */
  details?: Record<string, string>;
}

export type Locator = (path: readonly (string | number)[]) => SourceLocation;

// One getter function and one hidden slot per property name, shared by every object: V8 gives objects with the same
// accessor the same hidden class, while a getter closure per object sent every entity of a big file (and every rule
// reading them) down the slow dictionary-mode path.
const lazySlots = new Map<string, { slot: symbol; get: (this: Record<symbol, unknown>) => unknown }>();
function lazySlot(prop: string) {
  let d = lazySlots.get(prop);
  if (!d) {
    const slot = Symbol(`lazy ${prop}`);
    d = {
      slot,
      get(this: Record<symbol, unknown>) {
        const v = this[slot];
        if (typeof v !== 'function') return v;
        return (this[slot] = (v as () => unknown)());
      },
    };
    lazySlots.set(prop, d);
  }
  return d;
}

/** Defines `obj[prop]` as a memoised getter: positions are computed only when a finding asks for them. */
export function defineLazyLocation<T extends object>(obj: T, prop: string, compute: () => SourceLocation): T {
  const { slot, get } = lazySlot(prop);
  Object.defineProperty(obj, slot, { value: compute, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(obj, prop, { get, enumerable: true, configurable: true });
  return obj;
}

class Entry implements ConfigEntry {
  constructor(
    readonly value: unknown,
    private readonly base: readonly (string | number)[],
    private readonly locator: Locator,
    readonly unknownWhy?: string,
  ) {}
  get at(): SourceLocation {
    return this.locator(this.base);
  }
  locate(sub: readonly (string | number)[]): SourceLocation {
    return this.locator([...this.base, ...sub]);
  }
}

const has = (o: Record<string, unknown> | undefined, k: string): o is Record<string, unknown> => !!o && Object.prototype.hasOwnProperty.call(o, k);

/**
 * A plugin's own `config` overlaid on shared config (decK `_plugin_configs[<_config>]`: the plugin's own keys win;
 * decK merges top-level keys only). Each source comes with a locator for paths relative to its root.
 */
export class LayeredPluginConfig implements KongPluginConfig {
  constructor(
    private readonly own: Record<string, unknown> | undefined,
    private readonly ownLocate: Locator,
    private readonly shared?: Record<string, unknown>,
    private readonly sharedLocate?: Locator,
    readonly sharedFrom?: string,
  ) {}

  get(key: string): ConfigEntry | undefined {
    if (has(this.own, key)) return new Entry(this.own[key], [key], this.ownLocate);
    if (has(this.shared, key)) return new Entry(this.shared[key], [key], this.sharedLocate!);
    return undefined;
  }

  getIn(key: string, sub: string): ConfigEntry | undefined {
    const top = this.get(key);
    if (!top || top.value === null || typeof top.value !== 'object' || Array.isArray(top.value)) return undefined;
    const obj = top.value as Record<string, unknown>;
    if (!has(obj, sub)) return undefined;
    return new Entry(obj[sub], [key, sub], has(this.own, key) ? this.ownLocate : this.sharedLocate!);
  }
}

/** A config whose contents cannot be read (KIC `configFrom` a Secret): every read is unknown with this reason. */
export class OpaquePluginConfig implements KongPluginConfig {
  constructor(
    private readonly why: string,
    private readonly locator: Locator,
  ) {}
  get(): ConfigEntry {
    return new Entry(undefined, [], this.locator, this.why);
  }
  getIn(): ConfigEntry {
    return new Entry(undefined, [], this.locator, this.why);
  }
}
