// AWS managed CloudFront policies by ID (docs/platforms/cloudfront.md#managed-cache-policies, #managed-origin-request-and-response-headers-policies; IDs cross-checked against aws-cdk-lib constants).
import type { Ttl } from '../../model';

export interface ManagedCachePolicy {
  name: string;
  ttl: Ttl;
  /** What the key includes beyond method + path. */
  key: string[];
  /** Statements the judgement rests on that docs/platforms/cloudfront.md marks UNCONFIRMED. */
  caveats?: string[];
}

const ORIGIN_CC_CAVEAT =
  'TTLs of UseOriginCacheControlHeaders are UNCONFIRMED (docs/platforms/cloudfront.md#managed-cache-policies): assumed MinTTL 0, DefaultTTL 0, MaxTTL 31536000';

/** A lookup table without a prototype: an id from the template (`constructor`, `toString`) finds nothing inherited. */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export const MANAGED_CACHE_POLICIES = table<ManagedCachePolicy>({
  '658327ea-f89d-4fab-a63d-7e88639e58f6': { name: 'Managed-CachingOptimized', ttl: { min: 1, default: 86400, max: 31536000 }, key: [] },
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': {
    name: 'Managed-CachingOptimizedForUncompressedObjects',
    ttl: { min: 1, default: 86400, max: 31536000 },
    key: [],
  },
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': { name: 'Managed-CachingDisabled', ttl: { min: 0, default: 0, max: 0 }, key: [] },
  '08627262-05a9-4f76-9ded-b50ca2e3a84f': {
    name: 'Managed-Elemental-MediaPackage',
    ttl: { min: 0, default: 86400, max: 31536000 },
    key: ['querystring:m', 'querystring:start', 'querystring:end', 'querystring:aws.manifestfilter', 'header:origin'],
  },
  '2e54312d-136d-493c-8eb9-b001f22f67d2': {
    name: 'Managed-Amplify',
    ttl: { min: 2, default: 2, max: 600 },
    key: ['querystring:*', 'cookie:*', 'header:authorization', 'header:host', 'header:cloudfront-viewer-country'],
  },
  '83da9c7e-98b4-4e11-a168-04f0df8e2c65': {
    name: 'Managed-UseOriginCacheControlHeaders',
    ttl: { min: 0, default: 0, max: 31536000 },
    key: ['header:host', 'header:origin', 'header:x-http-method-override', 'header:x-http-method', 'header:x-method-override', 'cookie:*'],
    caveats: [ORIGIN_CC_CAVEAT],
  },
  '4cc15a8a-d715-48a4-82b8-cc0b614638fe': {
    name: 'Managed-UseOriginCacheControlHeaders-QueryStrings',
    ttl: { min: 0, default: 0, max: 31536000 },
    key: ['header:host', 'header:origin', 'header:x-http-method-override', 'header:x-http-method', 'header:x-method-override', 'cookie:*', 'querystring:*'],
    caveats: [ORIGIN_CC_CAVEAT],
  },
});

/**
 * What a managed origin request policy sends to the origin beyond the cache key (they never change TTLs), from AWS's
 * "Use managed origin request policies" page. No origin request policy can forward Authorization: AWS rejects one that
 * does (HTTP 400), so the `allViewer` policies send every viewer header except Authorization.
 */
export interface ManagedOriginRequestPolicy {
  /** `allViewer`: every viewer header (Authorization excepted); else the lower-case names. */
  headers: 'allViewer' | string[];
  cookies: 'all' | 'none';
  queryStrings: 'all' | 'none';
}

const CORS_HEADERS = ['origin', 'access-control-request-headers', 'access-control-request-method'];
const ALL_VIEWER: ManagedOriginRequestPolicy = { headers: 'allViewer', cookies: 'all', queryStrings: 'all' };

export const MANAGED_ORIGIN_REQUEST_POLICIES = table<ManagedOriginRequestPolicy>({
  'acba4595-bd28-49b8-b9fe-13317c0390fa': { headers: ['user-agent', 'referer'], cookies: 'none', queryStrings: 'none' }, // Managed-UserAgentRefererHeaders
  '59781a5b-3903-41f3-afcb-af62929ccde1': { headers: ['origin'], cookies: 'none', queryStrings: 'none' }, // Managed-CORS-CustomOrigin
  '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf': { headers: CORS_HEADERS, cookies: 'none', queryStrings: 'none' }, // Managed-CORS-S3Origin
  '216adef6-5c7f-47e4-b989-5492eafa07d3': ALL_VIEWER, // Managed-AllViewer
  '775133bc-15f2-49f9-abea-afb2e0bf67d2': { headers: [...CORS_HEADERS, 'user-agent', 'x-forwarded-for'], cookies: 'none', queryStrings: 'all' }, // Managed-Elemental-MediaTailor-PersonalizedManifests
  '33f36d7e-f396-46d9-90e0-52428a34d9dc': ALL_VIEWER, // Managed-AllViewerAndCloudFrontHeaders-2022-06 (plus CloudFront headers)
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': ALL_VIEWER, // Managed-AllViewerExceptHostHeader (Host excepted too)
  'bf0718e1-ba1e-49d1-88b1-f726733018ae': { headers: ['host'], cookies: 'none', queryStrings: 'none' }, // Managed-HostHeaderOnly
});

/** Managed response headers policies: none is known to set Cache-Control (UNCONFIRMED, docs/platforms/cloudfront.md#managed-origin-request-and-response-headers-policies). */
export const MANAGED_RESPONSE_HEADERS_POLICIES = table<string>({
  '60669652-455b-4ae9-85a4-c4c02393f86c': 'Managed-SimpleCORS',
  '5cc3b908-e619-4b99-88e5-2cf7f45965bd': 'Managed-CORS-With-Preflight',
  '67f7725c-6f97-4210-82d7-5512b31e9d03': 'Managed-SecurityHeadersPolicy',
  'e61eb60c-9c35-4d20-a928-2b84e02af89c': 'Managed-CORS-and-SecurityHeadersPolicy',
  'eaab4381-ed33-4a86-88ca-d9558dc6cd63': 'Managed-CORS-with-preflight-and-SecurityHeadersPolicy',
});
