import type { KongPlugin, KongRoute } from './state';
/** Kong's documented order, most specific first: c = consumer, g = consumer group, r = route, s = service. */
export declare const PRECEDENCE: readonly ["crs", "grs", "cr", "cs", "gr", "gs", "rs", "c", "g", "r", "s", ""];
export type Shape = (typeof PRECEDENCE)[number];
export interface PluginInstance {
    plugin: KongPlugin;
    shape: Shape;
    /** Position in PRECEDENCE: lower is more specific. */
    rank: number;
}
/** The human scope of a plugin: 'global', 'service', 'route + service', 'consumer alice', 'consumer group vip + route'. */
export declare function scopeText(p: KongPlugin, withNames?: boolean): string;
/** A plugin instance's scope as an id part: `global`, `route:stripe`, `service:orders+consumer:alice`. */
export declare function scopeId(p: KongPlugin): string;
export declare class PluginIndex {
    private readonly enabled;
    private readonly disabled;
    private readonly consumers;
    private readonly groups;
    /** Instances Kong would reject as a duplicate of the same name and scope (the first one is used). */
    readonly duplicates: PluginInstance[];
    /** Plugins whose `enabled` is unknown count as enabled: the layer built from them says why it is uncertain. */
    constructor(plugins: readonly KongPlugin[]);
    /** Plugin names with at least one instance, enabled or not. */
    names(): string[];
    private lastRoute?;
    private lastKeys;
    private consumerlessKeys;
    private lookup;
    /** The instance that runs for requests on this route that no auth plugin tied to a consumer. */
    applied(name: string, route: KongRoute): PluginInstance | undefined;
    /** Disabled instances at consumer-less scopes that match this route (route+service, route, service, global). */
    disabledFor(name: string, route: KongRoute): PluginInstance[];
    /**
     * Instances that run instead of the consumer-less one for some consumer or consumer group on this route, one per
     * distinct instance (Kong picks by the documented order; a consumer in several groups: the first group listed).
     */
    consumerVariants(name: string, route: KongRoute): PluginInstance[];
}
