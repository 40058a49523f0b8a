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
/** Managed origin request policies (they never change TTLs) → whether every viewer header, Authorization included, reaches the origin. */
export declare const MANAGED_ORIGIN_REQUEST_POLICIES: Readonly<Record<string, boolean>>;
/** Managed response headers policies: none is known to set Cache-Control (UNCONFIRMED, docs/platforms/cloudfront.md#managed-origin-request-and-response-headers-policies). */
export declare const MANAGED_RESPONSE_HEADERS_POLICIES: Readonly<Record<string, string>>;
