export declare const DEFAULT_MAX_BYTES: number;
export declare function readSource(file: string, maxBytes?: number): string;
export declare function decodeSource(buf: Buffer): string;
