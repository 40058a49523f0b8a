import type { Ttl } from '../../model';
export interface ManagedCachePolicy {
    name: string;
    ttl: Ttl;
    /** What the key includes beyond method + path. */
    key: string[];
    /** Statements the judgement rests on that docs/platforms/cloudfront.md marks UNCONFIRMED. */
    caveats?: string[];
}
export declare const MANAGED_CACHE_POLICIES: Readonly<Record<string, ManagedCachePolicy>>;
/**
 * What a managed origin request policy sends to the origin beyond the cache key (they never change TTLs), from AWS's
 * "Use managed origin request policies" page. No origin request policy can forward Authorization: AWS rejects one that
 * does (HTTP 400), so the `allViewer` policies send every viewer header except Authorization.
 */
export interface ManagedOriginRequestPolicy {
    /** `allViewer`: every viewer header (Authorization excepted); else the lower-case names. */
    headers: 'allViewer' | string[];
    cookies: 'all' | 'none';
    queryStrings: 'all' | 'none';
}
export declare const MANAGED_ORIGIN_REQUEST_POLICIES: Readonly<Record<string, ManagedOriginRequestPolicy>>;
/** Managed response headers policies: none is known to set Cache-Control (UNCONFIRMED, docs/platforms/cloudfront.md#managed-origin-request-and-response-headers-policies). */
export declare const MANAGED_RESPONSE_HEADERS_POLICIES: Readonly<Record<string, string>>;
