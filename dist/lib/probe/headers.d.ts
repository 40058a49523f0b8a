import type { IncomingHttpHeaders } from 'node:http';
/** The layers an answer can name, as reported (hops, the layer that answered, the fix per layer in findings.ts). */
export declare const LAYER: {
    readonly kong: "Kong";
    readonly nginx: "nginx";
    readonly openResty: "OpenResty (nginx)";
    readonly cloudFront: "CloudFront";
    readonly apiGateway: "API Gateway";
    readonly cloudflare: "Cloudflare";
    readonly fastly: "Fastly";
    readonly varnish: "Varnish";
    readonly vercel: "Vercel";
    readonly envoy: "Envoy";
};
export declare function header(headers: IncomingHttpHeaders, name: string): string | undefined;
/** Cache status headers and who sets them. */
export declare const CACHE_STATUS_HEADERS: {
    name: string;
    layer: (value: string, headers: IncomingHttpHeaders) => string;
}[];
export interface CacheStatus {
    header: string;
    value: string;
    layer: string;
    hit: boolean;
    storing: boolean;
}
/** Every cache status header on an answer. A list like `MISS, HIT` (Fastly shield + edge) is a hit if any part is. */
export declare function cacheStatuses(headers: IncomingHttpHeaders): CacheStatus[];
/** `Age` in seconds, or undefined when absent or malformed. */
export declare function ageSeconds(headers: IncomingHttpHeaders): number | undefined;
export declare function cacheControlDirectives(value: string | undefined): Map<string, string | true>;
export declare function hasNoStore(headers: IncomingHttpHeaders): boolean;
/** A lifetime that lets a shared cache store the answer, as printed evidence; undefined when there is none. */
export declare function cacheableLifetime(headers: IncomingHttpHeaders): string | undefined;
export declare const HOP_HEADERS: {
    name: string;
    layer: (value: string) => string | undefined;
}[];
