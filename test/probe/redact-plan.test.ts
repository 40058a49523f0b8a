import { buildPlan, describePlan, parseHeader, PlanError, MARKER_HEADER } from '../../lib/probe/plan';
import { isSecretHeader, redactHeaders, redactHeaderValue, redactUrl, scrubText } from '../../lib/probe/redact';

describe('redaction', () => {
  test.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'api_key',
    'apikey',
    'Ocp-Apim-Subscription-Key',
    'X-Auth-Token',
    'X-Amz-Security-Token',
    'Stripe-Signature',
    'X-Hub-Signature-256',
    'X-Session-Id',
    'X-Client-Secret',
  ])('%s is a secret header', (name) => {
    expect(isSecretHeader(name)).toBe(true);
  });
  test.each(['Content-Type', 'User-Agent', MARKER_HEADER, 'X-Cache-Key', 'Accept', 'X-Request-Id', 'Author'])('%s is not', (name) => {
    expect(isSecretHeader(name)).toBe(false);
  });
  test('Authorization keeps its scheme, nothing else', () => {
    expect(redactHeaderValue('Authorization', 'Bearer eyJhbGciOi.x.y')).toBe('Bearer [redacted]');
    expect(redactHeaderValue('Authorization', 'opaque-token')).toBe('[redacted]');
    expect(redactHeaderValue('Cookie', 'session=abc; theme=dark')).toBe('[redacted]');
    expect(redactHeaders({ 'set-cookie': ['a=1', 'b=2'], 'content-type': 'application/json', gone: undefined })).toEqual({
      'set-cookie': '[redacted]',
      'content-type': 'application/json',
    });
  });
  test('URLs: user:password and secret query parameters are redacted, the rest stays', () => {
    expect(redactUrl('https://user:pa55@api.example.com/hooks?api_key=k123&page=2&X-Amz-Signature=abc#frag')).toBe(
      'https://[redacted]@api.example.com/hooks?api_key=[redacted]&page=2&X-Amz-Signature=[redacted]#frag',
    );
    expect(redactUrl('https://api.example.com/hooks')).toBe('https://api.example.com/hooks');
    expect(redactUrl('not a url //u:p@x')).toBe('not a url //[redacted]@x');
  });
  test('free text: known secret values are scrubbed (short values are left alone to keep the text readable)', () => {
    expect(scrubText('connect failed for token sk_live_123 at sk_live_123', ['sk_live_123', 'ab'])).toBe('connect failed for token [redacted] at [redacted]');
  });
});

describe('the plan', () => {
  const nonces = () => {
    let i = 0;
    return () => `n${++i}`;
  };
  const plan = (o: Partial<Parameters<typeof buildPlan>[0]> = {}) =>
    buildPlan({ url: 'https://api.example.com/hooks', method: 'POST', version: '1.2.3', ...o }, nonces(), 'run123');

  test('default: two POSTs whose JSON bodies differ only in a fresh nonce, marked with User-Agent and the run id', () => {
    const p = plan();
    expect(p.requests).toEqual([
      {
        index: 1,
        method: 'POST',
        url: 'https://api.example.com/hooks',
        nonce: 'n1',
        body: '{"probe":"cachelint","nonce":"n1"}',
        headers: [
          ['User-Agent', 'cachelint-probe/1.2.3'],
          [MARKER_HEADER, 'run123'],
          ['Content-Type', 'application/json'],
        ],
      },
      {
        index: 2,
        method: 'POST',
        url: 'https://api.example.com/hooks',
        nonce: 'n2',
        body: '{"probe":"cachelint","nonce":"n2"}',
        headers: [
          ['User-Agent', 'cachelint-probe/1.2.3'],
          [MARKER_HEADER, 'run123'],
          ['Content-Type', 'application/json'],
        ],
      },
    ]);
    expect(p.bodiesDiffer).toBe(true);
  });
  test('--data, --header (repeatable, with {{nonce}}), --count, method in any case', () => {
    const p = plan({
      method: 'put',
      data: 'id={{nonce}}',
      headers: ['Idempotency-Key: {{nonce}}', 'Content-Type: application/x-www-form-urlencoded', 'User-Agent: acme-monitor'],
      count: 3,
    });
    expect(p.requests).toHaveLength(3);
    expect(p.requests[2]).toMatchObject({
      method: 'PUT',
      body: 'id=n3',
      headers: [
        ['User-Agent', 'cachelint-probe/1.2.3 acme-monitor'],
        [MARKER_HEADER, 'run123'],
        ['Idempotency-Key', 'n3'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ],
    });
  });
  test("--data '' sends no body and no Content-Type; a template without {{nonce}} is flagged", () => {
    expect(plan({ method: 'DELETE', data: '' }).requests[0]).toMatchObject({
      body: '',
      headers: [
        ['User-Agent', 'cachelint-probe/1.2.3'],
        [MARKER_HEADER, 'run123'],
      ],
    });
    expect(plan({ data: '{"fixed":true}' }).bodiesDiffer).toBe(false);
  });
  test.each([
    [{ method: 'GET' }, /--method must be one of POST, PUT, PATCH, DELETE/],
    [{ url: 'ftp://x/y' }, /only http: and https:/],
    [{ url: '/relative' }, /not an absolute URL/],
    [{ count: 0 }, /--count must be a whole number from 1 to 10/],
    [{ count: 11 }, /--count/],
    [{ timeoutMs: 0 }, /--timeout/],
    [{ headers: ['Host: other.example.com'] }, /Host cannot be set/],
    [{ headers: [`${MARKER_HEADER}: forged`] }, /cannot be set/],
    [{ headers: ['no colon'] }, /must look like "Name: value"/],
    [{ headers: ['Transfer-Encoding: chunked'] }, /cannot be set/],
    [{ headers: ['Bad Name: x'] }, /not a valid HTTP header name/],
  ])('refuses %j', (o, message) => {
    expect(() => plan(o as Partial<Parameters<typeof buildPlan>[0]>)).toThrow(message);
    expect(() => plan(o as Partial<Parameters<typeof buildPlan>[0]>)).toThrow(PlanError);
  });
  test('a bad header never echoes its secret value in the error', () => {
    expect(() => parseHeader('Authorization Bearer sk_live_x')).toThrow(/^a --header must look like "Name: value" \(got 30 characters without a colon\)$/);
    expect(() => parseHeader('Authorization: Bearer a\nb')).toThrow(/^--header Authorization: the value must not contain line breaks$/);
  });
  test('the described plan (dry run) redacts URL credentials and secret headers', () => {
    const d = describePlan(plan({ url: 'https://u:p@api.example.com/hooks?token=t0k', headers: ['Authorization: Bearer sk_live_abc', 'Cookie: s=1'] }));
    const text = JSON.stringify(d);
    expect(text).not.toMatch(/sk_live_abc|t0k|s=1|u:p@/);
    expect(d.requests[0].headers).toEqual([
      'User-Agent: cachelint-probe/1.2.3',
      `${MARKER_HEADER}: run123`,
      'Content-Type: application/json',
      'Authorization: Bearer [redacted]',
      'Cookie: [redacted]',
    ]);
    expect(d.url).toBe('https://[redacted]@api.example.com/hooks?token=[redacted]');
  });
});
