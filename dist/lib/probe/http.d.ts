import * as http from 'node:http';
export declare const MAX_REDIRECTS = 3;
export declare const MAX_BODY_BYTES: number;
export type NetworkErrorKind = 'timeout' | 'redirect' | 'tls' | 'network';
export declare class ProbeNetworkError extends Error {
    readonly kind: NetworkErrorKind;
    constructor(kind: NetworkErrorKind, message: string);
}
export interface OutgoingRequest {
    method: string;
    url: string;
    headers: [string, string][];
    body: string;
}
export interface SendOptions {
    timeoutMs: number;
    /** Extra trusted CA certificates (PEM), added to node's defaults. */
    ca?: string | Buffer;
    maxRedirects?: number;
}
export interface ProbeResponse {
    status: number;
    /** Lower-case names, as node gives them (repeated headers joined with ", ", set-cookie an array). */
    headers: http.IncomingHttpHeaders;
    body: Buffer;
    /** The body was longer than MAX_BODY_BYTES and was cut there. */
    truncated: boolean;
    /** The URL that answered (after same-host redirects). */
    url: string;
    /** Same-host redirects followed, as `307 → URL`. */
    redirects: string[];
}
/** Same host, and never from https to http. http→https on the same host name is an upgrade and allowed. */
export declare function redirectAllowed(from: URL, to: URL): {
    ok: true;
} | {
    ok: false;
    why: string;
};
export declare function send(request: OutgoingRequest, options: SendOptions): Promise<ProbeResponse>;
