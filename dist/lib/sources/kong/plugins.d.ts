import type { CacheKind, CacheLayer, HeaderPolicy, SourceLocation, Value } from '../../model';
import type { KongPlugin } from './state';
/** Kong plugins that identify a consumer (the proxy-cache key then includes its id). */
export declare const AUTH_PLUGINS: Set<string>;
export declare const NO_STORE_PLUGINS: string[];
/**
 * Whether an auth plugin instance authenticates without a Kong consumer: proxy-cache keys on
 * `kong.client.get_consumer()` only (`kong/plugins/proxy-cache/handler.lua`, `cache_key.lua` prefix_uuid), so such a
 * caller is not in the key. ldap-auth never maps a consumer (`kong/plugins/ldap-auth/access.lua` calls
 * `set_consumer(nil, credential)`); openid-connect maps one only with `consumer_claim`; mtls-auth and header-cert-auth
 * skip it with `skip_consumer_lookup: true`; ldap-auth-advanced allows none with `consumer_optional: true`.
 */
export declare function setsNoConsumer(inst: KongPlugin): boolean;
/** The cache kind a plugin name stands for; third-party names that say they cache are unverified caches. */
export declare function cacheKindOf(name: string): CacheKind | undefined;
export declare const isRelevantPlugin: (name: string) => boolean;
export interface PluginContext {
    /** Enabled auth plugins in effect on the route (consumer-less view). */
    identity: string[];
    /** Those of them that authenticate without a Kong consumer (see setsNoConsumer): the key does not hold the caller. */
    consumerless?: string[];
    /** An auth plugin in effect whose `enabled` cannot be known. */
    identityUnknown?: {
        why: string;
        at: SourceLocation;
    };
}
/** The CacheLayer a caching plugin instance puts in front of a route. */
export declare function cacheLayerFor(inst: KongPlugin, ctx: PluginContext, extra?: {
    findingSuffix?: string;
}): CacheLayer;
export type Coverage = 'both' | 'add-only' | 'replace-only' | 'remove-add' | 'append';
export interface NoStoreHit {
    cacheControl: string;
    at: SourceLocation;
    op: 'add' | 'replace' | 'append';
}
/** `clears`: the instance removes (or renames away) the upstream's Cache-Control before its add runs. */
export type NoStoreRead = {
    hits: NoStoreHit[];
    clears?: boolean;
} | {
    unknown: {
        why: string;
        at: SourceLocation;
    };
};
/** Cache-Control entries with no-store in one response-transformer(-advanced) instance's add/replace/append headers. */
export declare function noStoreEntries(inst: KongPlugin): NoStoreRead;
/**
 * Combines the effective transformers' entries into the endpoint's policy and how much of it is robust
 * (`details.noStoreCoverage` on the endpoint). Kong decides `replace` (only when the upstream sent Cache-Control) and
 * `add` (only when it did not) against the upstream's headers as they arrived, before `remove` ran
 * (docs/platforms/kong.md#response-transformer): only replace + add reach every response. Anything less is a policy
 * with `partial` set, which CL003 reports with the missing half. `append` adds a second Cache-Control value next to
 * the upstream's, so no-store reaches every response: counted, coverage 'append'.
 */
export declare function noStorePolicy(found: {
    inst: KongPlugin;
    read: NoStoreRead;
}[]): {
    value: Value<HeaderPolicy | undefined>;
    coverage?: Coverage;
};
