import type { Fix, FixEdit, FixSafety, FixScalar, Remediation } from '../lib/findings';
import type { CacheLayer, Endpoint, Method, ValuePath } from '../lib/model';
/** Unsafe methods the endpoint accepts; undefined when its methods are unknown (CL006 reports that). */
export declare function unsafeAccepted(endpoint: Endpoint): Method[] | undefined;
/** Unsafe methods of the endpoint that pass through this layer (a CloudFront behaviour may let only reads through). */
export declare function writesThrough(endpoint: Endpoint, layer: CacheLayer): Method[];
/** Methods that this layer caches AND the endpoint accepts. */
export declare function cachedHere(endpoint: Endpoint, layer: CacheLayer): Method[] | undefined;
/** Unsafe methods this layer stores on this endpoint: the ghost-200 condition (CL001). */
export declare function unsafeCached(endpoint: Endpoint, layer: CacheLayer): Method[];
export declare const isKongCache: (l: CacheLayer) => boolean;
export declare const isCloudFront: (l: CacheLayer) => boolean;
/**
 * Where the layer is, for messages: `proxy-cache (global) (line 12)` when it is in the endpoint's file, else
 * `(kong.yaml:12)`; CDK users edit constructs, so the construct path wins.
 */
export declare function where(layer: CacheLayer, endpoint: Endpoint): string;
export declare function list(methods: readonly string[]): string;
/** Prose list: `a`, `a and b`, `a, b and c`. */
export declare function joinAnd(parts: readonly (string | number)[]): string;
/** CloudFormation MethodSetting ResourcePath for a path: `/webhooks/stripe` → `/~1webhooks~1stripe`. */
export declare function methodSettingPath(path: string): string;
/** The API Gateway resource path and method of an endpoint, from its findingId `/webhooks/POST`. */
export declare function apiPathAndMethod(endpoint: Endpoint): {
    path: string;
    method: string;
};
export declare function kongPluginRef(layer: CacheLayer): string;
/** Idempotency-key headers in a key turn caching into a replay store: still unsafe (docs/rules/CL001.md). */
export declare function idempotencyKeyIn(layer: CacheLayer): string | undefined;
/** response-transformer config for no-store on every response: `replace` acts only when the upstream sent the
 *  header, `add` only when it did not, so a fix sets both. */
export declare const NO_STORE_TRANSFORMER: readonly string[];
/** A plugin config snippet: decK plugin entry for Kong files, the KongPlugin `config:` block for manifests. */
export declare function kongConfigSnippet(flavor: string, plugin: string, configLines: readonly string[]): string;
/** The id of the setting a layer's findings are keyed by: the shared setting (a Kong plugin instance, a stage-wide
 *  cache) when the layer has one, else the endpoint's own. */
export declare function settingId(endpoint: Endpoint, layer: CacheLayer): string;
/**
 * A CloudFront fix that lowers a behaviour's TTLs without breaking what works. A cache policy's key is also what
 * reaches the origin (an `x-api-key` header, cookies, query strings): swapping it for CachingDisabled would drop
 * them, so a policy or legacy behaviour that forwards something keeps its key and only gets its TTLs lowered.
 * Managed CachingDisabled is offered only where the policy forwarded nothing.
 */
/** The managed CachingDisabled cache policy (TTLs 0, empty key). */
export declare const CACHING_DISABLED_ID = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
export declare function cloudFrontTtlFix(endpoint: Endpoint, layer: CacheLayer, ttls: {
    min?: true;
    default?: true;
}): Remediation;
/** An edit of the value at `sub` below a setting the adapter addressed (`--fix`). */
export declare function setEdit(target: ValuePath, sub: readonly (string | number)[], value: FixScalar, comment?: {
    mentions: string;
    text: string;
}): FixEdit;
export declare function setListEdit(target: ValuePath, sub: readonly (string | number)[], value: FixScalar[]): FixEdit;
export declare function fixOf(safety: FixSafety, edits: FixEdit[]): {
    fix: Fix;
} | Record<string, never>;
