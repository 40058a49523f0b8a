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
/** Defines `obj[prop]` as a memoised getter: positions are computed only when a finding asks for them. */
export declare function defineLazyLocation<T extends object>(obj: T, prop: string, compute: () => SourceLocation): T;
/**
 * A plugin's own `config` overlaid on shared config (decK `_plugin_configs[<_config>]`: the plugin's own keys win;
 * decK merges top-level keys only). Each source comes with a locator for paths relative to its root.
 */
export declare class LayeredPluginConfig implements KongPluginConfig {
    private readonly own;
    private readonly ownLocate;
    private readonly shared?;
    private readonly sharedLocate?;
    readonly sharedFrom?: string | undefined;
    constructor(own: Record<string, unknown> | undefined, ownLocate: Locator, shared?: Record<string, unknown> | undefined, sharedLocate?: Locator | undefined, sharedFrom?: string | undefined);
    get(key: string): ConfigEntry | undefined;
    getIn(key: string, sub: string): ConfigEntry | undefined;
}
/** A config whose contents cannot be read (KIC `configFrom` a Secret): every read is unknown with this reason. */
export declare class OpaquePluginConfig implements KongPluginConfig {
    private readonly why;
    private readonly locator;
    constructor(why: string, locator: Locator);
    get(): ConfigEntry;
    getIn(): ConfigEntry;
}
