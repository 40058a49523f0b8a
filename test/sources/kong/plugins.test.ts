// Caching plugins → CacheLayer, response-transformer → no-store policy, auth plugins → identity and cache key.
import { load, yaml } from './helpers';

const route = (plugins: string[]) =>
  yaml('_format_version: "3.0"', 'routes:', '  - name: r', '    methods: [GET, POST]', '    paths: [/r]', 'plugins:', ...plugins);

describe('response-transformer no-store policy', () => {
  const rt = (config: string[], name = 'response-transformer') => route([`  - name: ${name}`, '    config:', ...config.map((l) => `      ${l}`)]);

  it('replace + add: robust ("both"), located at the first entry', () => {
    const { byName } = load(rt(['replace:', '  headers: ["Cache-Control:no-store"]', 'add:', '  headers: ["Cache-Control:no-store"]']));
    const r = byName('r');
    expect(r.noStore).toMatchObject({ known: true, value: { cacheControl: 'no-store', at: { line: 10 } } });
    expect(r.details?.noStoreCoverage).toBe('both');
  });

  it("add only: partial, the upstream's Cache-Control is kept", () => {
    const { byName } = load(rt(['add:', '  headers: ["cache-control: no-store, private"]']));
    const r = byName('r');
    expect(r.noStore).toMatchObject({ known: true, value: { cacheControl: 'no-store, private', at: { line: 10 } } });
    expect(r.details?.noStoreCoverage).toBe('add-only');
    expect(r.noStore.known && r.noStore.value?.partial).toEqual({
      kind: 'add-only',
      setting: 'response-transformer (global)',
      missing: 'replace.headers',
      leaves: expect.stringMatching(/^responses whose upstream sends a Cache-Control keep the upstream's value/),
    });
  });

  it('replace only: partial, responses without Cache-Control get none', () => {
    const { byName } = load(rt(['replace:', '  headers: ["CACHE-CONTROL:no-store"]'], 'response-transformer-advanced'));
    expect(byName('r').details?.noStoreCoverage).toBe('replace-only');
    expect(byName('r').noStore.known && byName('r').noStore.value?.source).toContain('response-transformer-advanced (global)');
    expect(byName('r').noStore.known && byName('r').noStore.value?.partial).toMatchObject({
      kind: 'replace-only',
      setting: 'response-transformer-advanced (global)',
      missing: 'add.headers',
      leaves: expect.stringMatching(/^responses whose upstream sends no Cache-Control leave without one/),
    });
  });

  it.each([
    ['remove', ['remove:', '  headers: [Cache-Control]']],
    ['remove, lower case, next to another header', ['remove:', '  headers: [X-Powered-By, cache-control]']],
    ['rename away', ['rename:', '  headers: ["Cache-Control:X-Upstream-Cache-Control"]']],
  ])('%s + add: partial, no Cache-Control at all when the upstream sent one (add is decided against its headers)', (_, clear) => {
    const { byName } = load(rt([...clear, 'add:', '  headers: ["Cache-Control: no-store"]']));
    expect(byName('r').details?.noStoreCoverage).toBe('remove-add');
    expect(byName('r').noStore.known && byName('r').noStore.value?.partial).toMatchObject({
      kind: 'remove-add',
      missing: 'replace.headers',
      leaves: expect.stringMatching(/^responses whose upstream sends a Cache-Control leave with none at all/),
    });
  });

  it.each([
    ['replace + add, no space after the colon', ['replace:', '  headers: ["Cache-Control:no-store"]', 'add:', '  headers: ["Cache-Control:no-store"]'], 'both'],
    [
      'replace + add, a space after the colon',
      ['replace:', '  headers: ["Cache-Control: no-store"]', 'add:', '  headers: ["Cache-Control: no-store"]'],
      'both',
    ],
    [
      'remove + replace + add (replace restores it)',
      ['remove:', '  headers: [Cache-Control]', 'replace:', '  headers: ["Cache-Control:no-store"]', 'add:', '  headers: ["Cache-Control:no-store"]'],
      'both',
    ],
    ['remove of another header + add', ['remove:', '  headers: [X-Cache-Control]', 'add:', '  headers: ["Cache-Control:no-store"]'], 'add-only'],
    ['remove + replace: still replace only', ['remove:', '  headers: [Cache-Control]', 'replace:', '  headers: ["Cache-Control:no-store"]'], 'replace-only'],
  ])('%s', (_, config, coverage) => {
    const r = load(rt(config)).byName('r');
    expect(r.details?.noStoreCoverage).toBe(coverage);
    expect(r.noStore).toMatchObject({ known: true, value: { cacheControl: 'no-store' } });
    expect(r.noStore.known && r.noStore.value?.partial?.kind).toBe(coverage === 'both' ? undefined : coverage);
  });

  it('append adds whatever the upstream sent', () => {
    expect(load(rt(['append:', '  headers: ["Cache-Control:no-store"]'])).byName('r').details?.noStoreCoverage).toBe('append');
  });

  it.each([
    ['another header', ['add:', '  headers: ["X-Frame-Options:DENY"]']],
    ['Cache-Control without no-store', ['add:', '  headers: ["Cache-Control:public, max-age=60"]']],
    ['no-store in another header', ['add:', '  headers: ["X-Cache-Control:no-store"]']],
    ['a json field, not a header', ['add:', '  json: ["Cache-Control:no-store"]']],
  ])('%s: nothing sets no-store', (_, config) => {
    const r = load(rt(config)).byName('r');
    expect(r.noStore).toEqual({ known: true, value: undefined });
    expect(r.details?.noStoreCoverage).toBeUndefined();
  });

  it('a route-level transformer without Cache-Control shadows a global one that sets it', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'routes:',
        '  - name: r',
        '    plugins:',
        '      - name: response-transformer',
        '        config: { add: { headers: ["X-Route:1"] } }',
        'plugins:',
        '  - name: response-transformer',
        '    config: { add: { headers: ["Cache-Control:no-store"] }, replace: { headers: ["Cache-Control:no-store"] } }',
      ),
    );
    expect(byName('r').noStore).toEqual({ known: true, value: undefined });
  });

  it('null headers and entries that are not text are skipped; the next entry still counts', () => {
    const r = load(rt(['replace:', '  headers: null', 'add:', '  headers: [5, null, "Cache-Control:no-store"]'])).byName('r');
    expect(r.noStore).toMatchObject({ known: true, value: { cacheControl: 'no-store', at: { line: 12 } } });
    expect(r.details?.noStoreCoverage).toBe('add-only');
  });

  it('a transformer whose enabled flag is a decK placeholder: no-store is unknown at the flag', () => {
    const r = load(rt(['add:', '  headers: ["Cache-Control:no-store"]']).replace('    config:', '    enabled: ${{ env "DECK_RT_ON" }}\n    config:')).byName(
      'r',
    );
    expect(r.noStore).toMatchObject({ known: false, why: expect.stringContaining('DECK_RT_ON'), at: { line: 8 } });
  });

  it('a disabled transformer sets nothing', () => {
    const { byName } = load(rt(['add:', '  headers: ["Cache-Control:no-store"]']).replace('    config:', '    enabled: false\n    config:'));
    expect(byName('r').noStore).toEqual({ known: true, value: undefined });
  });
});

describe('caching plugins', () => {
  it('proxy-cache defaults: GET/HEAD, 300 s, cache_control false, all query params in the key', () => {
    const l = load(route(['  - name: proxy-cache', '    config: { strategy: memory }'])).byName('r').caches[0];
    expect(l).toMatchObject({
      kind: 'kong-proxy-cache',
      cachedMethods: { known: true, value: ['GET', 'HEAD'] },
      ttl: { known: true, value: { min: 0, default: 300, max: 300 } },
      honorsOriginNoStore: { known: true, value: false },
      key: { known: true, value: ['query:*'] },
      keyIncludesIdentity: { known: true, value: false },
    });
    expect(l.at.line).toBe(7);
  });

  it('vary_headers and vary_query_params make the key; an Authorization header separates callers', () => {
    const l = load(route(['  - name: proxy-cache', '    config: { vary_headers: [Authorization, Idempotency-Key], vary_query_params: [page] }'])).byName('r')
      .caches[0];
    expect(l.key).toEqual({ known: true, value: ['Authorization', 'Idempotency-Key', 'query:page'] });
    expect(l.keyIncludesIdentity).toEqual({ known: true, value: true });
  });

  it('cache_control true: requests with Authorization bypass, so callers are not shared', () => {
    const l = load(route(['  - name: proxy-cache', '    config: { cache_control: true }'])).byName('r').caches[0];
    expect(l.honorsOriginNoStore).toEqual({ known: true, value: true });
    expect(l.keyIncludesIdentity).toEqual({ known: true, value: true });
  });

  it('an auth plugin in effect puts the consumer in the key and the endpoint identity; a disabled one does not', () => {
    const on = load(route(['  - name: proxy-cache', '  - name: jwt', '  - name: key-auth', '    enabled: false'])).byName('r');
    expect(on.identity).toEqual(['jwt']);
    expect(on.caches[0].key).toEqual({ known: true, value: ['query:*', 'consumer'] });
    expect(on.caches[0].keyIncludesIdentity).toEqual({ known: true, value: true });
    const off = load(route(['  - name: proxy-cache', '  - name: jwt', '    enabled: false'])).byName('r');
    expect(off.identity).toEqual([]);
    expect(off.caches[0].keyIncludesIdentity).toEqual({ known: true, value: false });
  });

  it.each([
    'key-auth',
    'key-auth-enc',
    'jwt',
    'basic-auth',
    'oauth2',
    'oauth2-introspection',
    'hmac-auth',
    'ldap-auth-advanced',
    'mtls-auth',
    'session',
    'vault-auth',
    'header-cert-auth',
    'saml',
    'jwt-signer',
  ])('%s identifies the caller: the cache keys on the consumer', (auth) => {
    const e = load(route(['  - name: proxy-cache', `  - name: ${auth}`])).byName('r');
    expect(e.identity).toEqual([auth]);
    expect(e.caches[0].keyIncludesIdentity).toEqual({ known: true, value: true });
    expect(e.caches[0].identityNotKeyed).toBeUndefined();
  });
  // proxy-cache keys on kong.client.get_consumer() only: an auth plugin that authenticates without a consumer leaves
  // the caller out of the key, and is named as the evidence that responses depend on the caller.
  it.each([
    ['ldap-auth', []],
    ['openid-connect', []],
    ['openid-connect', ['    config: { consumer_claim: [] }']],
    ['mtls-auth', ['    config: { skip_consumer_lookup: true }']],
    ['header-cert-auth', ['    config: { skip_consumer_lookup: true }']],
    ['ldap-auth-advanced', ['    config: { consumer_optional: true }']],
  ])('%s %j authenticates without a consumer: the key does not hold the caller, and says which plugin', (auth, config) => {
    const e = load(route(['  - name: proxy-cache', `  - name: ${auth}`, ...config])).byName('r');
    expect(e.identity).toEqual([auth]);
    expect(e.caches[0].key).toEqual({ known: true, value: ['query:*'] });
    expect(e.caches[0].keyIncludesIdentity).toEqual({ known: true, value: false });
    expect(e.caches[0].identityNotKeyed).toEqual([`${auth} (authenticates without a Kong consumer)`]);
  });
  it('look-alikes: openid-connect with consumer_claim, mtls-auth with the lookup, or a consumer-less plugin next to key-auth', () => {
    for (const lines of [
      ['  - name: openid-connect', '    config: { consumer_claim: [sub] }'],
      ['  - name: mtls-auth', '    config: { skip_consumer_lookup: false }'],
      ['  - name: ldap-auth', '  - name: key-auth'],
    ]) {
      const l = load(route(['  - name: proxy-cache', ...lines])).byName('r').caches[0];
      expect(l.keyIncludesIdentity).toEqual({ known: true, value: true });
      expect(l.identityNotKeyed).toBeUndefined();
    }
  });
  it('ldap-auth with Authorization in vary_headers or cache_control: true separates callers anyway', () => {
    for (const config of ['    config: { vary_headers: [Authorization] }', '    config: { cache_control: true }']) {
      const l = load(route(['  - name: proxy-cache', config, '  - name: ldap-auth'])).byName('r').caches[0];
      expect(l.keyIncludesIdentity).toEqual({ known: true, value: true });
      expect(l.identityNotKeyed).toBeUndefined();
    }
  });
  it('several auth plugins: the identity lists them sorted by name', () => {
    const e = load(route(['  - name: proxy-cache', '  - name: key-auth', '  - name: basic-auth', '  - name: acl'])).byName('r');
    expect(e.identity).toEqual(['basic-auth', 'key-auth']);
  });

  it('request_method absent or null: the default GET, HEAD, said so in the details, located at the plugin', () => {
    for (const config of [[], ['    config:', '      request_method: null']]) {
      const l = load(route(['  - name: proxy-cache', ...config])).byName('r').caches[0];
      expect(l.cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD'] });
      expect(l.details?.requestMethod).toBe('default [GET, HEAD]');
      expect(l.at.line).toBe(7);
    }
    const written = load(route(['  - name: proxy-cache', '    config:', '      request_method: [GET, POST]'])).byName('r').caches[0];
    expect(written.details?.requestMethod).toBeUndefined();
    expect(written.at.line).toBe(9);
  });

  it('proxy-cache-advanced reads the same fields', () => {
    const l = load(
      route(['  - name: proxy-cache-advanced', '    config:', '      strategy: redis', '      request_method: [POST]', '      cache_ttl: 30']),
    ).byName('r').caches[0];
    expect(l).toMatchObject({
      kind: 'kong-proxy-cache',
      name: 'proxy-cache-advanced (global)',
      cachedMethods: { known: true, value: ['POST'] },
      ttl: { known: true, value: { min: 0, default: 30, max: 30 } },
    });
    expect(l.at.line).toBe(10);
  });

  it('graphql-proxy-cache-advanced caches GET and POST, keyed on the body', () => {
    const l = load(route(['  - name: graphql-proxy-cache-advanced', '    config: { strategy: memory, cache_ttl: 15 }'])).byName('r').caches[0];
    expect(l).toMatchObject({
      kind: 'kong-graphql-proxy-cache',
      cachedMethods: { known: true, value: ['GET', 'POST'] },
      key: { known: true, value: ['body'] },
    });
    expect(l.caveats?.length).toBeGreaterThan(0);
  });

  it('ai-semantic-cache caches POST prompts', () => {
    const l = load(route(['  - name: ai-semantic-cache', '    config: { cache_control: true }'])).byName('r').caches[0];
    expect(l).toMatchObject({
      kind: 'kong-ai-semantic-cache',
      cachedMethods: { known: true, value: ['POST'] },
      honorsOriginNoStore: { known: true, value: true },
    });
  });

  it.each(['response-cache', 'kong-responsecacher', 'my-caching-layer'])('third-party %s: unverified, methods unknown at the plugin name', (name) => {
    const l = load(route([`  - name: ${name}`, '    config: { ttl: 60 }'])).byName('r').caches[0];
    expect(l.kind).toBe('kong-unverified-cache');
    expect(l.cachedMethods).toMatchObject({ known: false, at: { line: 7 } });
    if (!l.cachedMethods.known) expect(l.cachedMethods.why).toBe(`third-party plugin ${name}: cachelint cannot verify which methods it caches`);
  });

  it('plugins that do not cache are not layers', () => {
    expect(load(route(['  - name: rate-limiting', '    config: { minute: 5 }', '  - name: cors'])).byName('r').caches).toEqual([]);
  });
});

describe('edge cases', () => {
  it('a consumer-scoped cache keys on the consumer even with no auth plugin in the file', () => {
    const l = load(
      yaml(
        '_format_version: "3.0"',
        'routes: [{ name: r }]',
        'consumers:',
        '  - username: alice',
        '    plugins: [{ name: proxy-cache, config: { request_method: [POST] } }]',
      ),
    ).byName('r').caches[0];
    expect(l.details?.findingSuffix).toBe('@consumer:alice');
    expect(l.keyIncludesIdentity).toEqual({ known: true, value: true });
    expect(l.key).toEqual({ known: true, value: ['query:*', 'consumer'] });
    expect(l.caveats).toEqual([expect.stringContaining('identifies as consumer alice')]);
  });

  it('stream routes accept no HTTP method', () => {
    const r = load(yaml('_format_version: "3.0"', 'routes:', '  - name: tcp', '    protocols: [tcp, tls]', '    destinations: [{ port: 9000 }]')).byName('tcp');
    expect(r.methods).toEqual({ known: true, value: [] });
  });

  it('a _config reference on any plugin must exist', () => {
    const { errors } = load(yaml('_format_version: "3.0"', 'plugins:', '  - name: rate-limiting', '    _config: limits'));
    expect(errors).toEqual([expect.objectContaining({ code: 'unresolved-reference', line: 4 })]);
  });
});
