/** The first decK env placeholder anywhere inside a value (strings, arrays, objects), if any. */
export declare function findPlaceholder(value: unknown, depth?: number): string | undefined;
export declare function placeholderWhy(placeholder: string, what: string): string;
export declare const isRecord: (v: unknown) => v is Record<string, unknown>;
