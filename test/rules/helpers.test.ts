// The shared vocabulary of the rules (rules/helpers.ts): which methods an endpoint accepts and a cache stores, and how
// a message or a fix names a place. Each is pinned here once, so a rule test can rely on it.
import {
  apiPathAndMethod,
  cachedHere,
  joinAnd,
  idempotencyKeyIn,
  kongConfigSnippet,
  kongPluginRef,
  list,
  methodSettingPath,
  unsafeAccepted,
  unsafeCached,
  where,
} from '../../rules/helpers';
import type { Method } from '../../lib/model';
import { at, endpoint, known, layer, unknown } from '../helpers/model';

describe('rules/helpers', () => {
  test('unsafeAccepted: the unsafe methods in order; undefined when the methods are unknown; none for a static origin', () => {
    expect(unsafeAccepted(endpoint({ methods: known<Method[]>(['GET', 'POST', 'HEAD', 'DELETE']) }))).toEqual(['POST', 'DELETE']);
    expect(unsafeAccepted(endpoint({ methods: known<Method[]>(['GET', 'HEAD', 'OPTIONS']) }))).toEqual([]);
    expect(unsafeAccepted(endpoint({ methods: unknown<Method[]>('?', at(1)) }))).toBeUndefined();
    expect(unsafeAccepted(endpoint({ staticOrigin: true }))).toEqual([]);
  });

  test('cachedHere: methods both cached and accepted; undefined when either side is unknown', () => {
    const cache = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']) });
    expect(cachedHere(endpoint({ methods: known<Method[]>(['POST', 'GET']) }), cache)).toEqual(['GET', 'POST']);
    expect(cachedHere(endpoint({ methods: known<Method[]>(['PUT']) }), cache)).toEqual([]);
    expect(cachedHere(endpoint({ methods: unknown<Method[]>('?', at(1)) }), cache)).toBeUndefined();
    expect(cachedHere(endpoint(), layer({ cachedMethods: unknown<Method[]>('?', at(1)) }))).toBeUndefined();
  });

  test('unsafeCached: the ghost-200 condition; nothing for a static origin or unknown methods', () => {
    const cache = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST', 'PATCH']) });
    expect(unsafeCached(endpoint(), cache)).toEqual(['POST', 'PATCH']);
    expect(unsafeCached(endpoint({ staticOrigin: true }), cache)).toEqual([]);
    expect(unsafeCached(endpoint({ methods: unknown<Method[]>('?', at(1)) }), cache)).toEqual([]);
  });

  test('where: the line in the same file, file:line in another, the construct path for CDK', () => {
    const e = endpoint({ at: at(5, 'kong.yaml') });
    expect(where(layer({ name: 'proxy-cache (global)', at: at(12, 'kong.yaml') }), e)).toBe('proxy-cache (global) (line 12)');
    expect(where(layer({ name: 'proxy-cache (global)', at: at(12, 'plugins.yaml') }), e)).toBe('proxy-cache (global) (plugins.yaml:12)');
    expect(where(layer({ name: 'Stage cache', at: { ...at(3, 'kong.yaml'), constructPath: 'App/Api/Stage' } }), e)).toBe('Stage cache (App/Api/Stage)');
  });

  test('list joins with commas', () => {
    expect(list(['POST', 'PUT'])).toBe('POST, PUT');
    expect(list([])).toBe('');
  });

  test('joinAnd: prose lists', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b'])).toBe('a and b');
    expect(joinAnd([1, 2, 3])).toBe('1, 2 and 3');
  });

  test('methodSettingPath escapes slashes the way API Gateway MethodSettings want them', () => {
    expect(methodSettingPath('/webhooks/stripe')).toBe('/~1webhooks~1stripe');
    expect(methodSettingPath('/orders')).toBe('/~1orders');
    expect(methodSettingPath('/')).toBe('/');
    expect(methodSettingPath('')).toBe('/');
  });

  test('apiPathAndMethod reads an API Gateway findingId', () => {
    expect(apiPathAndMethod(endpoint({ findingId: '/webhooks/stripe/POST' }))).toEqual({ path: '/webhooks/stripe', method: 'POST' });
    expect(apiPathAndMethod(endpoint({ findingId: '/GET' }))).toEqual({ path: '/', method: 'GET' });
  });

  test('kongPluginRef names the plugin, its place and its scope', () => {
    expect(kongPluginRef(layer({ at: at(12, 'kong.yaml'), scope: 'service', details: { plugin: 'proxy-cache-advanced' } }))).toBe(
      'the proxy-cache-advanced plugin at kong.yaml:12 (service scope)',
    );
    expect(kongPluginRef(layer({ name: 'proxy-cache (route orders)', at: at(3, 'k.yaml'), scope: undefined, details: undefined }))).toBe(
      'the proxy-cache plugin at k.yaml:3',
    );
  });

  test('idempotencyKeyIn finds replay-store keys, case-insensitively; undefined for an unknown key', () => {
    expect(idempotencyKeyIn(layer({ key: known(['Authorization', 'Idempotency-Key']) }))).toBe('Idempotency-Key');
    expect(idempotencyKeyIn(layer({ key: known(['X-Request-ID']) }))).toBe('X-Request-ID');
    expect(idempotencyKeyIn(layer({ key: known(['x-dedup-token']) }))).toBe('x-dedup-token');
    expect(idempotencyKeyIn(layer({ key: known(['Authorization', 'Accept']) }))).toBeUndefined();
    expect(idempotencyKeyIn(layer({ key: unknown<string[]>('?', at(1)) }))).toBeUndefined();
  });

  test('kongConfigSnippet: a decK plugin entry for Kong files, a KongPlugin config block for manifests', () => {
    expect(kongConfigSnippet('kong', 'proxy-cache', ['request_method: [GET, HEAD]'])).toBe('- name: proxy-cache\n  config:\n    request_method: [GET, HEAD]');
    expect(kongConfigSnippet('kong-ingress', 'proxy-cache', ['request_method: [GET, HEAD]'])).toBe('config:\n  request_method: [GET, HEAD]');
  });
});
