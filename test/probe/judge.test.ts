import type { IncomingHttpHeaders } from 'node:http';
import { randomNonce } from '../../lib/probe/plan';
import {
  ageSeconds,
  answeredBy,
  cacheableLifetime,
  cacheStatuses,
  hopsOf,
  inconclusive,
  judge,
  parsePath,
  valueAtPath,
  type ProbeExchange,
} from '../../lib/probe/judge';

const NONCES = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];

/** One exchange: write `index` (1-based) with its nonce, answered with `headers` and `body`. */
function ex(index: number, headers: IncomingHttpHeaders, body: string | object = { id: index }, status = 200): ProbeExchange {
  const nonce = NONCES[index - 1];
  return {
    request: { index, nonce, body: JSON.stringify({ nonce }) },
    response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
  };
}
const NO_STORE = { 'cache-control': 'no-store' };

describe('hit signals: a cache status header saying HIT is a strong ghost signal, whoever sets it', () => {
  test.each([
    ['x-cache-status', 'HIT', 'nginx'],
    ['x-cache-status', 'Hit', 'nginx'],
    ['x-cache', 'Hit from cloudfront', 'CloudFront'],
    ['x-cache', 'RefreshHit from cloudfront', 'CloudFront'],
    ['cf-cache-status', 'HIT', 'Cloudflare'],
    ['cf-cache-status', 'STALE', 'Cloudflare'],
    ['x-proxy-cache', 'HIT', 'a proxy cache (X-Proxy-Cache, nginx-style)'],
    ['x-cache', 'MISS, HIT', 'a cache (X-Cache)'],
    ['x-cache-status', 'UPDATING', 'nginx'],
  ])('%s: %s → CL101 evidence naming %s', (name, value, layer) => {
    const j = judge([ex(1, NO_STORE), ex(2, { ...NO_STORE, [name]: value })]);
    expect(j.ghost).toEqual([{ kind: 'hit-header', write: 2, strong: true, detail: `${cacheStatuses({ [name]: value })[0].header}: ${value}`, layer }]);
    expect(j.answeredBy).toBe(layer);
  });

  test("Kong's X-Cache-Status is attributed to Kong when Kong's own headers are there", () => {
    const j = judge([ex(1, NO_STORE), ex(2, { ...NO_STORE, 'x-cache-status': 'Hit', 'x-kong-proxy-latency': '1', via: '1.1 kong/3.6.1' })]);
    expect(j.answeredBy).toBe('Kong');
  });

  test.each([
    ['x-cache-status', 'MISS'],
    ['x-cache-status', 'BYPASS'],
    ['x-cache-status', 'EXPIRED'],
    ['x-cache', 'Miss from cloudfront'],
    ['cf-cache-status', 'DYNAMIC'],
    ['x-cache-status', ''],
  ])('not a hit: %s: %s', (name, value) => {
    expect(judge([ex(1, NO_STORE), ex(2, { ...NO_STORE, [name]: value })]).ghost).toEqual([]);
  });

  test('a hit on the first write counts too (an answer stored by an earlier request)', () => {
    expect(judge([ex(1, { ...NO_STORE, 'x-cache-status': 'HIT' })]).ghost.map((s) => s.write)).toEqual([1]);
  });
});

describe('Age', () => {
  test('Age > 0 on a write is a strong ghost signal', () => {
    const j = judge([ex(1, NO_STORE), ex(2, { ...NO_STORE, age: '12' })]);
    expect(j.ghost).toEqual([{ kind: 'age', write: 2, strong: true, detail: 'Age: 12' }]);
  });
  test('Age: 0 is not a ghost, but without no-store it is a cache header on a write (CL103)', () => {
    expect(judge([ex(1, NO_STORE), ex(2, { ...NO_STORE, age: '0' })])).toMatchObject({ ghost: [], cacheHeaders: [] });
    expect(judge([ex(1, { age: '0' })]).cacheHeaders).toEqual([{ write: 1, detail: 'Age: 0' }]);
  });
  test('malformed Age is ignored', () => {
    expect(ageSeconds({ age: 'soon' })).toBeUndefined();
    expect(ageSeconds({ age: '7, 9' })).toBe(7);
    expect(judge([ex(1, { ...NO_STORE, age: '-3' })]).ghost).toEqual([]);
  });
});

describe('identical answers while the request bodies differed', () => {
  test('byte-identical body → weak ghost signal (an API may answer every write alike)', () => {
    const j = judge([ex(1, NO_STORE, { ok: true, n: 1 }), ex(2, NO_STORE, { ok: true, n: 1 })]);
    expect(j.ghost).toEqual([expect.objectContaining({ kind: 'identical-body', write: 2, strong: false })]);
  });
  test('same ETag with different bodies → weak ghost signal', () => {
    const j = judge([ex(1, { ...NO_STORE, etag: '"v1"' }, 'a'), ex(2, { ...NO_STORE, etag: '"v1"' }, 'b')]);
    expect(j.ghost).toEqual([expect.objectContaining({ kind: 'identical-etag', write: 2, strong: false })]);
  });
  test('different bodies and ETags → nothing', () => {
    expect(judge([ex(1, { ...NO_STORE, etag: '"v1"' }, 'a'), ex(2, { ...NO_STORE, etag: '"v2"' }, 'b')]).ghost).toEqual([]);
  });
  test('identical requests (template without {{nonce}}) → identical answers prove nothing', () => {
    expect(judge([ex(1, NO_STORE, 'same'), ex(2, NO_STORE, 'same')], { bodiesDiffer: false }).ghost).toEqual([]);
  });
  test('empty bodies (204) and error answers are not compared', () => {
    expect(judge([ex(1, NO_STORE, '', 204), ex(2, NO_STORE, '', 204)]).ghost).toEqual([]);
    expect(judge([ex(1, NO_STORE, '{"error":"unauthorized"}', 401), ex(2, NO_STORE, '{"error":"unauthorized"}', 401)]).ghost).toEqual([]);
  });
  test('each answer is compared with the first one', () => {
    const j = judge([ex(1, NO_STORE, 'x'), ex(2, NO_STORE, 'y'), ex(3, NO_STORE, 'x')]);
    expect(j.ghost.map((s) => [s.kind, s.write])).toEqual([['identical-body', 3]]);
  });
});

describe('--expect-echo', () => {
  const echo = (nonce: unknown) => ({ data: { echo: { nonce } } });
  test('each answer carries its own nonce → no ghost, even if the rest of the body is identical', () => {
    const j = judge([ex(1, NO_STORE, echo(NONCES[0])), ex(2, NO_STORE, echo(NONCES[1]))], { expectEcho: 'data.echo.nonce' });
    expect(j).toMatchObject({ ghost: [], problems: [] });
  });
  test("the second answer carries the first write's nonce → strong, names both writes", () => {
    const j = judge([ex(1, NO_STORE, echo(NONCES[0])), ex(2, NO_STORE, echo(NONCES[0]))], { expectEcho: '$.data.echo.nonce' });
    expect(j.ghost).toEqual([expect.objectContaining({ kind: 'echo-foreign', write: 2, strong: true })]);
    expect(j.ghost[0].detail).toContain("carries write 1's nonce at $.data.echo.nonce");
  });
  test('a nonce this run never sent (a stored answer to an earlier probe) → strong, even on the first write', () => {
    const j = judge([ex(1, NO_STORE, echo('0123456789abcdef'))], { expectEcho: 'data.echo.nonce' });
    expect(j.ghost).toEqual([expect.objectContaining({ kind: 'echo-foreign', write: 1, strong: true })]);
    expect(j.problems).toEqual([]);
  });
  test('"a nonce" is what the plan makes (randomNonce), not any hex: a longer or upper-case value is no nonce', () => {
    expect(judge([ex(1, NO_STORE, echo(randomNonce()))], { expectEcho: 'data.echo.nonce' }).ghost).toEqual([expect.objectContaining({ kind: 'echo-foreign' })]);
    for (const v of [
      randomNonce() + '0',
      randomNonce()
        .toUpperCase()
        .replace(/^[0-9]/, 'A'),
    ])
      expect(judge([ex(1, NO_STORE, echo(v))], { expectEcho: 'data.echo.nonce' })).toMatchObject({
        ghost: [],
        problems: [expect.stringMatching(/not the nonce/)],
      });
  });
  test('the first answer has nothing at the path → a problem with the path, not a finding', () => {
    const j = judge([ex(1, NO_STORE, { other: 1 }), ex(2, NO_STORE, { other: 2 })], { expectEcho: 'data.echo.nonce' });
    expect(j.problems).toEqual([expect.stringMatching(/^--expect-echo data\.echo\.nonce: the answer to write 1 has no value at that path/)]);
    expect(j.ghost.filter((s) => s.kind.startsWith('echo'))).toEqual([]);
  });
  test('a non-JSON first answer → a problem', () => {
    expect(judge([ex(1, NO_STORE, 'OK')], { expectEcho: 'nonce' }).problems[0]).toContain('is not JSON');
  });
  test('a later answer without its nonce while the first had one → weak signal', () => {
    const j = judge([ex(1, NO_STORE, echo(NONCES[0])), ex(2, NO_STORE, { data: {} })], { expectEcho: 'data.echo.nonce' });
    expect(j.ghost).toEqual([expect.objectContaining({ kind: 'echo-missing', write: 2, strong: false })]);
  });
  test('paths: dots, indexes, quoted keys, a leading $', () => {
    const doc = { a: { 'b.c': [{ d: 'x' }] }, list: [1, [2, 3]] };
    expect(valueAtPath(doc, 'a["b.c"][0].d')).toBe('x');
    expect(valueAtPath(doc, "$.a['b.c'][0].d")).toBe('x');
    expect(valueAtPath(doc, 'list[1][0]')).toBe(2);
    expect(valueAtPath(doc, 'a.missing.d')).toBeUndefined();
    expect(valueAtPath(doc, 'list.length')).toBeUndefined();
    expect(valueAtPath({ x: 1 }, 'toString')).toBeUndefined();
    expect(() => parsePath('')).toThrow(/cannot read path/);
    expect(() => parsePath('a..b')).toThrow(/cannot read path/);
  });
});

describe('missing no-store and cache headers on a write', () => {
  test('no Cache-Control → a no-store gap, no cache headers', () => {
    const j = judge([ex(1, {}), ex(2, {})]);
    expect(j.missingNoStore).toEqual([
      { write: 1, status: 200, cacheControl: undefined, lifetime: undefined },
      { write: 2, status: 200, cacheControl: undefined, lifetime: undefined },
    ]);
    expect(j.cacheHeaders).toEqual([]);
  });
  test('no-store among other directives is enough; private or no-cache alone is not', () => {
    expect(judge([ex(1, { 'cache-control': 'private, No-Store, max-age=0' })]).missingNoStore).toEqual([]);
    expect(judge([ex(1, { 'cache-control': 'private' })]).missingNoStore).toHaveLength(1);
    expect(judge([ex(1, { 'cache-control': 'no-cache' })]).missingNoStore).toHaveLength(1);
  });
  test('a cacheable lifetime is named and is a cache header (CL103)', () => {
    const j = judge([ex(1, { 'cache-control': 'public, max-age=60' })]);
    expect(j.missingNoStore[0].lifetime).toBe('max-age=60, public');
    expect(j.cacheHeaders).toEqual([{ write: 1, detail: 'Cache-Control: public, max-age=60' }]);
  });
  test('lifetimes: s-maxage, a future Expires; max-age=0 and a past Expires are none', () => {
    expect(cacheableLifetime({ 'cache-control': 's-maxage=300' })).toBe('s-maxage=300');
    expect(cacheableLifetime({ 'cache-control': 'max-age=0' })).toBeUndefined();
    const date = 'Sat, 28 Nov 2026 05:00:00 GMT';
    expect(cacheableLifetime({ date, expires: 'Sat, 28 Nov 2026 06:00:00 GMT' })).toBe('Expires: Sat, 28 Nov 2026 06:00:00 GMT');
    expect(cacheableLifetime({ date, expires: 'Sat, 28 Nov 2026 04:00:00 GMT' })).toBeUndefined();
    expect(cacheableLifetime({ date, expires: '0' })).toBeUndefined();
    expect(cacheableLifetime({ 'cache-control': 'no-store, max-age=60' })).toBeUndefined();
  });
  test('a storing cache status (MISS) without no-store is a cache header; with no-store it is fine', () => {
    expect(judge([ex(1, { 'x-cache-status': 'MISS' })]).cacheHeaders).toEqual([{ write: 1, detail: 'X-Cache-Status: MISS', layer: 'nginx' }]);
    expect(judge([ex(1, { ...NO_STORE, 'x-cache-status': 'MISS' })]).cacheHeaders).toEqual([]);
  });
  test("CloudFront's Miss on a write and Cloudflare's DYNAMIC are not cache headers (those never store writes)", () => {
    expect(judge([ex(1, { 'x-cache': 'Miss from cloudfront' }), ex(2, { 'cf-cache-status': 'DYNAMIC' })]).cacheHeaders).toEqual([]);
  });
  test("Kong's X-Cache-Key is a cache header", () => {
    expect(judge([ex(1, { 'x-cache-key': 'abc123' })]).cacheHeaders).toEqual([{ write: 1, detail: 'X-Cache-Key: abc123', layer: 'Kong' }]);
  });
  test("non-2xx answers (an auth layer's 401) are not judged for no-store", () => {
    const j = judge([ex(1, {}, '{}', 401), ex(2, {}, '{}', 401)]);
    expect(j).toMatchObject({ missingNoStore: [], cacheHeaders: [], successful: 0 });
  });
});

describe('hops: which layers the answers passed', () => {
  test('CloudFront in front of API Gateway: both named, with their headers', () => {
    const hops = hopsOf([
      {
        status: 200,
        body: '',
        headers: {
          via: '1.1 abc.cloudfront.net (CloudFront)',
          'x-amz-cf-pop': 'FRA56-P1',
          'x-cache': 'Miss from cloudfront',
          'x-amzn-requestid': 'r-1',
          'x-amz-apigw-id': 'id=',
        },
      },
    ]);
    expect(hops).toEqual([
      { layer: 'CloudFront', evidence: ['Via: 1.1 abc.cloudfront.net (CloudFront)', 'X-Amz-Cf-Pop: FRA56-P1', 'X-Cache: Miss from cloudfront'] },
      { layer: 'API Gateway', evidence: ['X-Amz-Apigw-Id: id=', 'X-Amzn-RequestId: r-1'] },
    ]);
  });
  test('Kong, nginx, Cloudflare, Fastly, Varnish and an unknown origin server', () => {
    const layers = hopsOf([
      { status: 200, body: '', headers: { via: '1.1 kong/3.6.1', 'x-kong-upstream-latency': '3' } },
      { status: 200, body: '', headers: { server: 'nginx/1.22.1' } },
      { status: 200, body: '', headers: { 'cf-ray': '8a-FRA', server: 'cloudflare' } },
      { status: 200, body: '', headers: { 'x-served-by': 'cache-fra-123', 'x-varnish': '1 2' } },
      { status: 200, body: '', headers: { server: 'gunicorn/21' } },
    ]).map((h) => h.layer);
    expect(layers).toEqual(['Kong', 'nginx', 'Cloudflare', 'Fastly', 'Varnish', 'origin server (gunicorn)']);
  });
  test('no hop headers → none', () => {
    expect(hopsOf([{ status: 200, body: '', headers: { 'content-type': 'application/json' } }])).toEqual([]);
  });
  test('identical answers through API Gateway (its stage cache sends no hit header) are attributed to it, not to CloudFront', () => {
    const h = { via: '1.1 x.cloudfront.net (CloudFront)', 'x-amz-apigw-id': 'a', ...NO_STORE };
    const j = judge([ex(1, h, 'same'), ex(2, h, 'same')]);
    expect(j.answeredBy).toBe('API Gateway');
    expect(answeredBy([], [])).toBeUndefined();
  });
});

describe('inconclusive: nothing observed is not a pass', () => {
  test('no write answered 2xx and no cache evidence → the reason, with the statuses and what to change', () => {
    const j = judge([ex(1, {}, 'boom', 500), ex(2, {}, 'boom', 500)]);
    expect(j.successful).toBe(0);
    expect(j.inconclusive).toBe(
      'no write was answered 2xx (500, 500), so whether a cache answers writes could not be observed. ' +
        '500: the endpoint failed; probe one that accepts the write (a test endpoint, or a receiver that answers requests marked X-Cachelint-Probe with 2xx).',
    );
  });
  test.each([
    [[401, 401], /401: the request was refused before the write path; pass credentials with --header\.$/],
    [[403], /403: .*pass credentials/],
    [[404, 404], /404: nothing takes this write here; check the URL and --method\.$/],
    [[405, 405], /405: .*check the URL and --method/],
    [[429, 429], /429: rate limited/],
    [[302, 302], /302: a redirect that was not followed/],
    [[418, 418], /418: not a success/],
    [[401, 502], /\(401, 502\).*401: .*credentials.*\. 502: the endpoint failed/],
  ])('%j → the hint for each status', (statuses, hint) => {
    expect(inconclusive(statuses)).toMatch(hint);
  });
  test('one 2xx answer is enough to judge; no answers at all is not this case (a network error is)', () => {
    expect(judge([ex(1, NO_STORE, 'x', 500), ex(2, NO_STORE, 'y', 201)]).inconclusive).toBeUndefined();
    expect(judge([ex(1, NO_STORE, '', 204)]).inconclusive).toBeUndefined();
    expect(inconclusive([])).toBeUndefined();
    expect(inconclusive([200])).toBeUndefined();
    expect(inconclusive([299])).toBeUndefined();
    expect(inconclusive([300])).toMatch(/^no write was answered 2xx \(300\)/);
    expect(inconclusive([199])).toMatch(/^no write was answered 2xx \(199\)/);
  });
  test('a cache seen at work on error answers (HIT, Age) makes the run conclusive', () => {
    expect(judge([ex(1, { 'x-cache-status': 'MISS' }, 'e', 500), ex(2, { 'x-cache-status': 'HIT' }, 'e', 500)]).inconclusive).toBeUndefined();
    expect(judge([ex(1, { age: '30' }, 'e', 502)]).inconclusive).toBeUndefined();
    // A MISS alone does not say the cache stores writes: still inconclusive.
    expect(judge([ex(1, { 'x-cache-status': 'MISS' }, 'e', 500)]).inconclusive).toMatch(/^no write was answered 2xx/);
  });
});
