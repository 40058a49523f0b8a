// Redaction for everything the probe prints: the plan (--dry-run), findings, errors. A probe runs from CI and cron,
// whose logs are read by many; credentials passed with --header must never reach them.

export const REDACTED = '[redacted]';

// Header names that carry credentials. Over-redacting (Idempotency-Key) is harmless; under-redacting is a leak.
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|key$|token|secret|passw|session|signature|credential|(^|[-_])auth([-_]|$)/i;

// Query parameters that commonly carry credentials (signed URLs, API keys in the query string).
const SECRET_PARAM =
  /^(api[-_]?key|key|access[-_]?token|token|auth|secret|signature|sig|password|code|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;

// Cache keys (Kong's X-Cache-Key is a hash of method, path and selected inputs) are evidence, not credentials.
const NOT_SECRET = /^x-cache-key$/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name) && !NOT_SECRET.test(name);
}

/** The value as it may be printed: secrets become `[redacted]`, keeping an auth scheme (`Bearer [redacted]`). */
export function redactHeaderValue(name: string, value: string): string {
  if (!isSecretHeader(name)) return value;
  const scheme = /^(authorization|proxy-authorization)$/i.test(name) ? /^([A-Za-z][\w-]*)\s+\S/.exec(value) : null;
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = redactHeaderValue(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return out;
}

/** A URL as it may be printed: no user:password, secret query parameters redacted. Unparseable input is returned
 *  with anything that looks like userinfo removed. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, `//${REDACTED}@`);
  }
  if (u.username || u.password) {
    u.username = REDACTED;
    u.password = '';
  }
  for (const key of [...u.searchParams.keys()]) if (SECRET_PARAM.test(key)) u.searchParams.set(key, REDACTED);
  // URLSearchParams re-encodes the brackets; keep the printed form readable.
  return u.toString().replace(/%5Bredacted%5D/g, REDACTED);
}

/** Secrets we know the values of (header values given on the command line) removed from free text such as error
 *  messages from the network stack, which may echo a URL or header. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}
