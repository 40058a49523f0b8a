import type { Ttl } from '../../model';
export interface ManagedCachePolicy {
    name: string;
    ttl: Ttl;
    /** What the key includes beyond method + path. */
    key: string[];
    /** Statements the judgement rests on that domain.md marks UNCONFIRMED. */
    caveats?: string[];
}
export declare const MANAGED_CACHE_POLICIES: Readonly<Record<string, ManagedCachePolicy>>;
/** Managed origin request policies (they never change TTLs); `forwardsAuthorization`: all viewer headers reach the origin. */
export declare const MANAGED_ORIGIN_REQUEST_POLICIES: Readonly<Record<string, {
    name: string;
    forwardsAuthorization: boolean;
}>>;
/** Managed response headers policies: none is known to set Cache-Control (UNCONFIRMED, domain.md §2.4). */
export declare const MANAGED_RESPONSE_HEADERS_POLICIES: Readonly<Record<string, string>>;
export declare const CACHING_DISABLED_ID = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
export declare const CACHING_OPTIMIZED_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";
