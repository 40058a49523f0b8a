export type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export declare const ALL_METHODS: readonly Method[];
export declare const UNSAFE_METHODS: readonly Method[];
export type Platform = 'kong' | 'apigateway' | 'cloudfront';
/** Where remediation text comes from: the input format the user edits. */
export type Flavor = 'kong' | 'kong-ingress' | 'cloudformation' | 'cdk';
export interface SourceLocation {
    file: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    constructPath?: string;
    logicalId?: string;
}
/** A value read from configuration: known, or unresolvable statically (a `!Ref`, a CDK token, `${{ env }}`). */
export type Value<T> = {
    known: true;
    value: T;
} | {
    known: false;
    why: string;
    at: SourceLocation;
};
export declare const known: <T>(value: T) => Value<T>;
export declare const unknown: <T>(why: string, at: SourceLocation) => Value<T>;
export interface Ttl {
    min: number;
    default: number;
    max: number;
}
export interface HeaderPolicy {
    /** The Cache-Control value the policy puts on responses, e.g. "no-store". */
    cacheControl: string;
    at: SourceLocation;
    /** What sets it: "response-transformer (route r1)", "ResponseHeadersPolicy ApiHeaders", "integration response". */
    source: string;
    /** Set when the policy reaches only some responses: CL003 reports it as missing its other half. */
    partial?: PartialNoStore;
}
/**
 * A no-store policy that some upstream responses pass through unchanged (docs/platforms/kong.md#response-transformer,
 * docs/platforms/cloudfront.md#response-headers-policy).
 */
export interface PartialNoStore {
    /**
     * Kong `add` only (no effect when the upstream sent Cache-Control), `replace` only (none when it sent none),
     * `remove` + `add` (the add is decided against the upstream's headers: no Cache-Control at all when it sent one);
     * CloudFront `Override: false` (the origin's header stays).
     */
    kind: 'add-only' | 'replace-only' | 'remove-add' | 'override-false';
    /** The setting to change, as the user wrote it: "response-transformer (route r1)", "ResponseHeadersPolicy ApiHeaders". */
    setting: string;
    /** The half that is missing: "replace.headers", "add.headers", "Override: true". */
    missing: string;
    /** Which upstream responses keep their cacheable headers, in words. */
    leaves: string;
}
export type CacheKind = 'kong-proxy-cache' | 'kong-graphql-proxy-cache' | 'kong-ai-semantic-cache' | 'kong-unverified-cache' | 'apigateway-stage-cache' | 'cloudfront-cache-policy' | 'cloudfront-forwarded-values';
/**
 * Where a setting is written, for autofix: the YAML document of the file (0-based; JSON: 0) and the path of keys and
 * list indexes to it in that document. Present only where the file is what the user edits (not cdk.out, not a
 * decK state assembled from patch files).
 */
export interface ValuePath {
    file: string;
    document: number;
    path: (string | number)[];
}
/** The settings a layer's fixes edit (each present only when the adapter can address it). */
export interface FixTargets {
    /** Kong: the plugin instance's own `config` mapping (it may not exist yet; own keys override shared config). */
    pluginConfig?: ValuePath;
    /** API Gateway: the MethodSetting item that turns caching on for this method, and the method it names. */
    methodSetting?: ValuePath & {
        httpMethod: string;
    };
    /** API Gateway: the stage's MethodSettings list (CL007 appends pins to it). */
    methodSettings?: ValuePath;
    /** CloudFront: the cache behaviour mapping (legacy TTLs, CachePolicyId). */
    behavior?: ValuePath;
    /** CloudFront: the CachePolicyConfig of a cache policy defined in the same template. */
    cachePolicyConfig?: ValuePath;
}
export interface CacheLayer {
    kind: CacheKind;
    /**
     * Stable, readable id of the setting that configures this cache, shared by every route it affects: findings keyed by
     * it are one per setting, with the routes as data (`proxy-cache@global`, `proxy-cache@service:orders`, `*\/*@prod`).
     * Absent: the layer is the endpoint's own setting and the endpoint's findingId names it.
     */
    id?: string;
    /** For humans: `proxy-cache (global)`, `stage prod: MethodSetting /webhooks POST`, `CachingOptimized`. */
    name: string;
    /** Where the cache is configured: the plugin, the MethodSetting, the CachePolicy / behaviour. */
    at: SourceLocation;
    /** Platform-specific scope: kong 'global'|'service'|'route'|'consumer'|...; apigateway 'method'|'stage-wide'; cloudfront 'behavior'. */
    scope?: string;
    /** Methods this layer lets through to the endpoint, when fewer than the endpoint accepts (a CloudFront behaviour
     *  allowing GET/HEAD in front of an API that also takes POST: the writes go round it). Absent: all. */
    admits?: Method[];
    /** Methods whose responses this cache stores (on this endpoint). */
    cachedMethods: Value<Method[]>;
    ttl: Value<Ttl>;
    /** false: Kong cache_control=false, CloudFront MinTTL > 0. */
    honorsOriginNoStore: Value<boolean>;
    /** What the cache key includes beyond method + path (header names, query names, `consumer`, `body`). */
    key: Value<string[]>;
    /** Whether the key separates callers (a Kong consumer id, an Authorization header in the key, ...). */
    keyIncludesIdentity: Value<boolean>;
    /** Request inputs that select the response but are missing from the key (API Gateway path/query params). */
    keyMissing?: string[];
    /**
     * Evidence for CL004: caller identity the response depends on that this key leaves out, named as the platform names
     * it (an authorizer's `method.request.header.x-device-attestation`, a Kong auth plugin that sets no consumer).
     * Never a SigV4 `Authorization` (AWS_IAM): keying on a per-request signature caches nothing.
     */
    identityNotKeyed?: string[];
    /**
     * CloudFront: what an origin request policy sends to the origin that the cache key leaves out (`cookie:*`,
     * `cookie:session`, `header:x-user-id`, `header:*` for every viewer header, `querystring:*`). Never Authorization:
     * AWS rejects an origin request policy that forwards it.
     */
    forwardedNotKeyed?: string[];
    /** API Gateway stage-wide (star/star) caching: write methods with an explicit CachingEnabled:false override. */
    pinnedOffMethods?: Method[];
    /** Statements the docs/platforms/ notes mark UNCONFIRMED that this layer's judgement rests on. */
    caveats?: string[];
    /** Platform details for remediation text (plugin name, stage name, policy id, CDK path...). */
    details?: Record<string, string>;
    /** Where the settings that fix this layer are written, for `--fix`. */
    fixTargets?: FixTargets;
}
/** An instance of a caching plugin that is disabled but does not exempt (Kong `enabled: false`, KIC `disabled: true`). */
export interface InertCacheInstance {
    name: string;
    /** The disabled instance's setting id (`proxy-cache@route:stripe`): one finding however many routes it covers. */
    id?: string;
    scope: string;
    at: SourceLocation;
}
export interface Endpoint {
    platform: Platform;
    /** The user's own name: Kong route name, CFN logical id, CDK construct path. */
    resource: string;
    /** For humans: "POST /webhooks/stripe". */
    route: string;
    /** The route as the input names it, for lists of affected routes: a Kong route name, a CloudFront behaviour
     *  (`defaultBehavior`, `CacheBehaviors /api/*`); default: `route`. */
    name?: string;
    /** Stable key for granular suppression, e.g. "/webhooks/stripe/POST". */
    findingId: string;
    methods: Value<Method[]>;
    paths: string[];
    /** The paths as plain paths, for matching configured path patterns, where `paths` are written otherwise (a Kong
     *  regex route's `~/hooks/.*` is matched as `/hooks/.*`); default: `paths`. */
    matchPaths?: string[];
    at: SourceLocation;
    /** Every cache in front of it, client side first. */
    caches: CacheLayer[];
    /** A policy that sets Cache-Control on responses, if any. */
    noStore: Value<HeaderPolicy | undefined>;
    /** Whether a no-store policy can be set at this layer at all (false: API Gateway proxy integrations). */
    noStoreSettable?: boolean;
    /** Auth in front of it (authorizer, key-auth, jwt...). */
    identity?: string[];
    /** API Gateway: the method's authorization (AuthorizationType as written; identity sources as the platform names them). */
    authorizer?: {
        type: string;
        identitySources: string[];
    };
    /** The backend receives the whole request (API Gateway AWS_PROXY / HTTP_PROXY): every query string, header and cookie. */
    proxyIntegration?: boolean;
    /** API Gateway: declared method request parameters → required (`method.request.querystring.q: false`). */
    requestParameters?: Record<string, boolean>;
    /** Matches a configured webhook path pattern (set by the engine from config). */
    webhook?: boolean;
    /** An S3 / static origin: not an API (CloudFront). */
    staticOrigin?: boolean;
    inertCacheInstances?: InertCacheInstance[];
    /** Which input format the user edits, for remediation text. */
    flavor: Flavor;
    details?: Record<string, string>;
}
/** A configuration fact that is not about one endpoint (CL008: a method setting that matches nothing). */
interface FactBase {
    resource: string;
    route: string;
    findingId: string;
    at: SourceLocation;
    flavor: Flavor;
    platform: Platform;
}
/**
 * Something about the configuration that is not an endpoint: adapters say what and why as data; the rule that reports
 * it (CL006 for unresolved-setting, CL008 for the others) owns the words and the fix.
 */
export type ConfigFact = (FactBase & {
    kind: 'unresolved-setting';
    reason: UnresolvedReason;
    /** The rule ids the value decides. */
    blocks: string[];
}) | (FactBase & {
    kind: 'ineffective-method-setting' | 'ambiguous-setting';
    setting: MethodSettingRef;
    reason: MethodSettingReason;
});
/** What cannot be resolved statically, and why (`why`: the resolver's own account of the value, e.g. a parameter without Default). */
export type UnresolvedReason = 
/** A whole API Gateway MethodSetting (`!ImportValue`, an unresolvable Fn::If). */
{
    kind: 'method-setting';
    stage: string;
    why: string;
}
/** The ResourcePath or HttpMethod of a MethodSetting that sets caching. */
 | {
    kind: 'method-setting-key';
    stage: string;
    field: 'ResourcePath' | 'HttpMethod';
    why: string;
}
/** Whether a stage caches at all (its cluster, its stage-wide setting). */
 | {
    kind: 'stage-caching';
    stage: string;
    why: string;
}
/** An API Gateway method whose resource path or verb is unknown, on a stage that caches (cachesSurely) or may cache. */
 | {
    kind: 'method-unresolved';
    stage: string;
    cachesSurely: boolean;
    method: string;
    part: 'resource path' | 'HTTP method';
    why?: string;
}
/** A stage that (maybe) caches an API whose methods are not in this template. */
 | {
    kind: 'methods-elsewhere';
    stage: string;
    cachesSurely: boolean;
    api: string;
    why: string;
}
/** `Fn::ForEach` generating judged resource types at deploy time. */
 | {
    kind: 'foreach';
    key: string;
    types: string[];
}
/** A CloudFront DistributionConfig as a whole. */
 | {
    kind: 'distribution-config';
    distribution: string;
    why: string;
}
/** One CloudFront cache behaviour (not a mapping, or from an intrinsic). */
 | {
    kind: 'cache-behaviour';
    distribution: string;
    why?: string;
}
/** Which entity a Kong plugin is attached to (a decK placeholder). */
 | {
    kind: 'plugin-scope';
    plugin: string;
    why: string;
};
/** An API Gateway MethodSetting as written, for CL008's words and its fix snippet. */
export interface MethodSettingRef {
    rawPath: string;
    rawMethod: string;
    /** The stage's name, or its logical id when the name is not known. */
    stage: string;
    /** Decoded resource path (`/orders/{id}`), `*` for `/*`; undefined when malformed. */
    path?: string;
    /** The verb or `*`; undefined when not an HTTP method. */
    method?: string;
    /** Whether it caches (TTL 0 counts as off); undefined when unknown or not said. */
    caching?: boolean;
}
/** Why a MethodSetting matches nothing (ineffective-method-setting) or may not do what it says (ambiguous-setting). */
export type MethodSettingReason = {
    kind: 'unknown-method';
} | {
    kind: 'malformed-path';
} | {
    kind: 'wildcard-path-with-method';
} | {
    kind: 'path-not-in-api';
    api: string;
    methodsOnPath: string[];
} | {
    kind: 'unencoded-path';
} | {
    kind: 'path-with-star-method';
} | {
    kind: 'duplicate';
    firstLine: number;
    differentCaching: boolean;
};
/** A suppression written in the configuration itself (CloudFormation resource Metadata.cachelint.ignore). */
export interface ResourceSuppression {
    /** The logical id (or Kong/K8s resource name) whose findings it covers. */
    resource: string;
    ruleId: string;
    /** Without a reason it does not suppress, and the engine reports it. */
    reason?: string;
    at: SourceLocation;
}
/** What one adapter makes of one input file (or one cdk.out stack). */
export interface Model {
    file: string;
    endpoints: Endpoint[];
    facts: ConfigFact[];
    resourceSuppressions?: ResourceSuppression[];
}
/** Request headers that identify the caller: where one reaches the origin without being in the key, callers share entries. */
export declare const IDENTITY_HEADER: RegExp;
/** A CloudFront `forwardedNotKeyed` entry that carries the caller: any cookie, or an identity header by name. */
export declare const carriesIdentity: (entry: string) => boolean;
export declare const isUnsafe: (m: Method) => boolean;
export {};
