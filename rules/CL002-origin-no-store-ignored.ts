import type { Rule, RuleHit } from '../lib/findings';
import type { CacheLayer, Endpoint } from '../lib/model';
import {
  writesThrough,
  CACHING_DISABLED_ID,
  cachedHere,
  cloudFrontTtlFix,
  fixOf,
  isCloudFront,
  isKongCache,
  kongConfigSnippet,
  kongPluginRef,
  setEdit,
  settingId,
  unsafeAccepted,
  unsafeCached,
  where,
} from './helpers';

const IGNORED = "{layer} ignores the origin's Cache-Control: no-store on {routes}, where writes are accepted: ";
const KONG = 'with cache_control: false it stores {methods} responses for {ttl} s whatever the upstream says';
const MIN_TTL = ' keeps API GET responses cached even when the origin sends no-store, private or no-cache.';
const messages = {
  kongStoresAnyway: `${IGNORED}${KONG}.`,
  kongStoresAnywayShared: `${IGNORED}${KONG}, and shares them across callers that send Authorization.`,
  minTtl: `${IGNORED}its MinTTL of {minTtl} s${MIN_TTL}`,
  minTtlUnknown: `${IGNORED}its MinTTL${MIN_TTL}`,
};
type MessageId = keyof typeof messages;

// The backend's last line of defence is `Cache-Control: no-store`. A cache that ignores it (Kong proxy-cache with
// cache_control: false, its default; CloudFront with MinTTL > 0) keeps serving what the API said must not be kept.
export const CL002: Rule<MessageId> = {
  id: 'CL002',
  name: 'origin-no-store-ignored',
  severity: 'warning',
  summary: "An API that accepts writes sits behind a cache that ignores the origin's Cache-Control: no-store.",
  rationale:
    'Kong proxy-cache with `cache_control: false` (the default) stores upstream no-store/private responses for cache_ttl; ' +
    'CloudFront caches for at least MinTTL even when the origin says no-store (CachingOptimized, the CDK default, has MinTTL 1). ' +
    'The backend cannot opt its API responses out of the cache.',
  docs: 'docs/rules/CL002.md',
  messages,
  remediation: {
    kong: 'Set `config.cache_control: true` on the proxy-cache plugin.',
    'kong-ingress': 'Set `config.cache_control: true` in the KongPlugin.',
    cloudformation: `Use the managed CachingDisabled policy (\`CachePolicyId: ${CACHING_DISABLED_ID}\`) or a cache policy with \`MinTTL: 0\`.`,
    cdk: 'Use `cachePolicy: CachePolicy.CACHING_DISABLED` (or a CachePolicy with `minTtl: Duration.seconds(0)`).',
  },
  check(endpoint: Endpoint): RuleHit<MessageId>[] {
    const writes = unsafeAccepted(endpoint);
    if (!writes || writes.length === 0) return [];
    const hits: RuleHit<MessageId>[] = [];
    for (const layer of endpoint.caches) {
      if (!isKongCache(layer) && !isCloudFront(layer)) continue;
      if (writesThrough(endpoint, layer).length === 0) continue; // writes go round this cache: no stale read after one
      if (!layer.honorsOriginNoStore.known || layer.honorsOriginNoStore.value) continue;
      if (unsafeCached(endpoint, layer).length > 0) continue; // CL001 reports this cache and folds this fix in
      const cached = cachedHere(endpoint, layer);
      if (cached && cached.length === 0) continue; // caches nothing this endpoint serves
      hits.push({
        at: layer.at,
        findingId: settingId(endpoint, layer),
        ...ignored(layer, where(layer, endpoint)),
        remediation: () => remediationFor(endpoint, layer),
      });
    }
    return hits;
  },
};

function ignored(layer: CacheLayer, place: string): Pick<RuleHit<MessageId>, 'messageId' | 'data'> {
  if (isKongCache(layer)) {
    const shared = layer.keyIncludesIdentity.known && !layer.keyIncludesIdentity.value;
    return {
      messageId: shared ? 'kongStoresAnywayShared' : 'kongStoresAnyway',
      data: { layer: place, methods: cachedList(layer), ttl: layer.ttl.known ? layer.ttl.value.max : 300 },
    };
  }
  return layer.ttl.known
    ? { messageId: 'minTtl', data: { layer: place, minTtl: layer.ttl.value.min } }
    : { messageId: 'minTtlUnknown', data: { layer: place } };
}

function cachedList(layer: CacheLayer): string {
  return layer.cachedMethods.known ? layer.cachedMethods.value.join('/') : 'GET/HEAD';
}

function remediationFor(endpoint: Endpoint, layer: CacheLayer) {
  if (isKongCache(layer)) {
    const config = layer.kind === 'kong-proxy-cache' || layer.kind === 'kong-ai-semantic-cache' ? layer.fixTargets?.pluginConfig : undefined;
    return {
      ...fixOf('safe', config ? [setEdit(config, ['cache_control'], true)] : []),
      summary: `Set config.cache_control: true on ${kongPluginRef(layer)} so upstream no-store / private responses are not stored.`,
      snippet: kongConfigSnippet(endpoint.flavor, layer.details?.plugin ?? 'proxy-cache', ['cache_control: true']),
    };
  }
  return cloudFrontTtlFix(endpoint, layer, { min: true });
}
