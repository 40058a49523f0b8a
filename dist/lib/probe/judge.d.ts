import type { IncomingHttpHeaders } from 'node:http';
export { ageSeconds, CACHE_STATUS_HEADERS, cacheableLifetime, cacheControlDirectives, cacheStatuses, hasNoStore, header, LAYER, type CacheStatus, } from './headers';
export interface JudgedRequest {
    index: number;
    nonce: string;
    body: string;
}
export interface JudgedResponse {
    status: number;
    headers: IncomingHttpHeaders;
    body: Buffer | string;
}
export interface ProbeExchange {
    request: JudgedRequest;
    response: JudgedResponse;
}
export interface JudgeOptions {
    /** JSON path where each answer must carry its own request's nonce (`nonce`, `data.echo.nonce`, `items[0].id`). */
    expectEcho?: string;
    /** False when the request bodies were identical (template without {{nonce}}): identical answers prove nothing. */
    bodiesDiffer?: boolean;
}
export interface Signal {
    kind: 'hit-header' | 'age' | 'echo-foreign' | 'identical-body' | 'identical-etag' | 'echo-missing';
    /** 1-based index of the write whose answer shows it. */
    write: number;
    strong: boolean;
    /** Human evidence, e.g. `X-Cache-Status: HIT`. */
    detail: string;
    /** The layer the signal points to, when the header tells. */
    layer?: string;
}
export interface CacheHeaderEvidence {
    write: number;
    detail: string;
    layer?: string;
}
export interface NoStoreGap {
    write: number;
    status: number;
    /** The Cache-Control header as received, if any. */
    cacheControl?: string;
    /** A lifetime that invites caching (`max-age=60`, `public`, `Expires: …`), if any. */
    lifetime?: string;
}
export interface Hop {
    layer: string;
    /** `Via: 1.1 kong/3.6.1`, … */
    evidence: string[];
}
export interface Judgement {
    ghost: Signal[];
    cacheHeaders: CacheHeaderEvidence[];
    missingNoStore: NoStoreGap[];
    hops: Hop[];
    /** The layer that answered from cache, when the evidence says. */
    answeredBy?: string;
    /** Things that make the run unjudgeable as asked (a wrong --expect-echo path): reported as errors. */
    problems: string[];
    /** How many answers were 2xx (the write path itself answered). */
    successful: number;
    /**
     * Why the run could not observe what it came to observe, when it could not: no write was answered 2xx and no
     * answer showed a cache at work. Reported as an error (exit 2), never as a clean run.
     */
    inconclusive?: string;
}
/** The layers the answers passed through, in the order their headers were first seen, each with its evidence. */
export declare function hopsOf(responses: JudgedResponse[]): Hop[];
/** `a.b[0].c` (a leading `$.` is allowed) → its value in a parsed JSON document, or undefined. */
export declare function valueAtPath(doc: unknown, path: string): unknown;
export declare function parsePath(path: string): (string | number)[];
export declare function judge(exchanges: ProbeExchange[], options?: JudgeOptions): Judgement;
/**
 * A probe asks "does a cache answer this write?". Only an answer from the write path itself (2xx) can say no: a 401
 * from an auth layer, a 404 or a 500 would look the same with or without a cache in front. So when no write was
 * answered 2xx, and no answer showed a cache at work, the run is inconclusive, with what to change.
 */
export declare function inconclusive(statuses: number[]): string | undefined;
/** Which layer answered from cache: the one a hit header names; else a layer known to cache without telling (API
 *  Gateway's stage cache sends no hit header; CloudFront never caches writes, so it is not the one). */
export declare function answeredBy(ghost: Signal[], hops: Hop[]): string | undefined;
