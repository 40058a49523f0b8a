export declare const REDACTED = "[redacted]";
export declare function isSecretHeader(name: string): boolean;
/** The value as it may be printed: secrets become `[redacted]`, keeping an auth scheme (`Bearer [redacted]`). */
export declare function redactHeaderValue(name: string, value: string): string;
export declare function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string>;
/** A URL as it may be printed: no user:password, secret query parameters redacted. Unparseable input is returned
 *  with anything that looks like userinfo removed. */
export declare function redactUrl(url: string): string;
/** Secrets we know the values of (header values given on the command line) removed from free text such as error
 *  messages from the network stack, which may echo a URL or header. */
export declare function scrubText(text: string, secrets: readonly string[]): string;
