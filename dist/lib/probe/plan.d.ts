export declare const WRITE_METHODS: readonly ["POST", "PUT", "PATCH", "DELETE"];
export type WriteMethod = (typeof WRITE_METHODS)[number];
export declare const NONCE_PLACEHOLDER = "{{nonce}}";
export declare const DEFAULT_DATA = "{\"probe\":\"cachelint\",\"nonce\":\"{{nonce}}\"}";
/** Marks every probe request, so the receiver can drop probe events (same value for all requests of one run). */
export declare const MARKER_HEADER = "X-Cachelint-Probe";
export declare const DEFAULT_COUNT = 2;
export declare const MAX_COUNT = 10;
export declare const DEFAULT_TIMEOUT_MS = 10000;
export declare const MAX_TIMEOUT_MS = 120000;
export declare class PlanError extends Error {
}
export interface PlanOptions {
    url: string;
    method: string;
    /** Body template; `{{nonce}}` is replaced per request. Undefined = DEFAULT_DATA; '' = no body. */
    data?: string;
    /** Raw `Name: value` strings from --header; `{{nonce}}` is replaced per request. */
    headers?: string[];
    count?: number;
    timeoutMs?: number;
    version: string;
}
export interface PlannedRequest {
    /** 1-based position in the plan. */
    index: number;
    method: WriteMethod;
    url: string;
    headers: [string, string][];
    body: string;
    nonce: string;
}
export interface Plan {
    url: URL;
    method: WriteMethod;
    runId: string;
    timeoutMs: number;
    requests: PlannedRequest[];
    /** False when the body template has no {{nonce}}: identical answers then prove nothing. */
    bodiesDiffer: boolean;
}
export declare function randomNonce(): string;
/** Whether a value has the shape randomNonce makes: an answer carrying one is a stored answer to some probe. */
export declare function isProbeNonce(value: string): boolean;
export declare function parseHeader(raw: string): [string, string];
export declare function parseTarget(url: string): URL;
export declare function buildPlan(options: PlanOptions, newNonce?: () => string, runId?: string): Plan;
/** The plan as printed by --dry-run and in reports: URL and header values redacted. */
export declare function describePlan(plan: Plan): {
    method: "POST" | "PUT" | "PATCH" | "DELETE";
    url: string;
    count: number;
    timeoutMs: number;
    marker: {
        header: string;
        value: string;
    };
    requests: {
        index: number;
        method: "POST" | "PUT" | "PATCH" | "DELETE";
        url: string;
        headers: string[];
        body: string;
    }[];
};
