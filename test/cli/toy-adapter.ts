// A toy input format for CLI tests that need real findings whatever adapters are registered:
//   toy_gateway: 1
//   endpoints:
//     - path: /webhooks/stripe
//       cache_post: true        # a cache that stores POST responses → CL001 at this key
// Registered first in ADAPTERS for the duration of a test file (see useToyAdapter).
import { ADAPTERS } from '../../lib/sources';
import type { SourceAdapter } from '../../lib/sources/types';
import type { Endpoint, Method, Model } from '../../lib/model';
import { known } from '../../lib/model';

export const toyAdapter: SourceAdapter = {
  format: 'toy',
  detect: (doc) => typeof doc.value === 'object' && doc.value !== null && (doc.value as Record<string, unknown>).toy_gateway === 1,
  toModels({ file, parsed }) {
    const endpoints: Endpoint[] = [];
    for (const doc of parsed.documents) {
      const list = (doc.value as { endpoints?: { path: string; cache_post?: boolean }[] }).endpoints ?? [];
      list.forEach((e, i) => {
        const where = doc.locate(['endpoints', i, 'path']);
        const cacheAt = doc.locate(['endpoints', i, 'cache_post']);
        endpoints.push({
          platform: 'kong',
          resource: `toy${e.path.replace(/\//g, '-')}`,
          route: `POST ${e.path}`,
          findingId: `${e.path}/POST`,
          methods: known<Method[]>(['POST']),
          paths: [e.path],
          at: { file, line: where.line, column: where.column },
          caches: e.cache_post
            ? [
                {
                  kind: 'kong-proxy-cache',
                  name: 'proxy-cache (route)',
                  at: { file, line: cacheAt.line, column: cacheAt.column },
                  scope: 'route',
                  cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']),
                  ttl: known({ min: 0, default: 300, max: 300 }),
                  honorsOriginNoStore: known(true),
                  key: known<string[]>([]),
                  keyIncludesIdentity: known(true),
                  details: { plugin: 'proxy-cache' },
                },
              ]
            : [],
          noStore: known({ cacheControl: 'no-store', at: { file, line: where.line, column: 1 }, source: 'response-transformer' }),
          flavor: 'kong',
        } as Endpoint);
      });
    }
    const model: Model = { file, endpoints, facts: [] };
    return { models: [model], errors: [] };
  },
};

export function useToyAdapter(): void {
  beforeAll(() => void ADAPTERS.unshift(toyAdapter));
  afterAll(() => {
    const i = ADAPTERS.indexOf(toyAdapter);
    if (i >= 0) ADAPTERS.splice(i, 1);
  });
}

export function toyFile(endpoints: { path: string; cache_post?: boolean }[], leadingComments = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < leadingComments; i++) lines.push(`# padding ${i}`);
  lines.push('toy_gateway: 1', 'endpoints:');
  for (const e of endpoints) {
    lines.push(`  - path: ${e.path}`);
    if (e.cache_post) lines.push('    cache_post: true');
  }
  // Last, so line numbers above stay put: passes the CLI's cheap content prefilter (looksLikeOurs) in walks and
  // with --ignore-unknown.
  lines.push('plugins: []');
  return lines.join('\n') + '\n';
}
