import type { HeaderPolicy, Method, SourceLocation, Value, ValuePath } from '../../../model';
import { type Resolved } from '../intrinsics';
import type { Branch, TemplatePath, TemplateReader } from '../template';
export type HttpMethod = Method | 'ANY';
export interface ApiMethod {
    path: string;
    httpMethod: HttpMethod;
    at: SourceLocation;
    /** The AWS::ApiGateway::Method logical id; for OpenAPI/SAM methods, the API (or function) that declares it. */
    logicalId: string;
    /** Auth in front of the method (AuthorizationType, authorizer, API key). */
    identity: string[];
    /** Whether a caller identity selects the response (AuthorizationType other than NONE). */
    authenticated: Value<boolean>;
    /** Request inputs that carry the identity, as written: `method.request.header.x-device-attestation`. */
    identitySources: string[];
    /** AuthorizationType (AWS_IAM, COGNITO_USER_POOLS, CUSTOM) or the SAM authorizer's name; absent for NONE. */
    authorizationType?: string;
    /** Declared request parameters (`method.request.querystring.q`, ...). */
    requestParams: string[];
    /** Declared request parameter → required (true) or optional (false), where the template says. */
    requestRequired?: Record<string, boolean>;
    cacheKey: Value<string[]>;
    /** Integration request parameter → the method request value mapped into it. */
    integrationParams: Record<string, string>;
    integrationType?: string;
    noStore: Value<HeaderPolicy | undefined>;
}
export interface ApiInfo {
    id: string;
    at: SourceLocation;
    methods: ApiMethod[];
    /** False when methods live outside the template (BodyS3Location, DefinitionUri, Fn::Transform, unresolved ids). */
    complete: boolean;
    incompleteWhy?: string;
    /** Methods of this template whose path or verb cannot be resolved: reported on every stage that caches. */
    unresolvedMethods?: {
        id: string;
        part: 'resource path' | 'HTTP method';
        why?: string;
        at: SourceLocation;
    }[];
    stages: StageInfo[];
}
export interface SettingEntry {
    /** Decoded resource path (`/orders/{id}`), `*` for the stage-wide entry; undefined when malformed. */
    path?: string;
    method?: string;
    caching?: Value<boolean>;
    ttl?: Value<number>;
    at: SourceLocation;
    rawPath: string;
    rawMethod: string;
    /** The written path is not in the documented `/~1a~1b` form (`/orders`): matched leniently, reported as ambiguous. */
    unencoded?: boolean;
    /** The entry sits in one branch of an unresolvable Fn::If. */
    condition?: Branch;
    /** Where the MethodSetting item is, for `--fix` (a hand-written template only). */
    fixPath?: ValuePath;
}
export interface StageInfo {
    /** Logical id the endpoints belong to: the Stage, the Deployment with StageDescription, the Serverless::Api. */
    resource: string;
    stageName: Value<string>;
    at: SourceLocation;
    cluster: Value<boolean>;
    settingsPath?: TemplatePath;
    /** The stage's MethodSettings list (present or not), for `--fix` pins. */
    settingsFixPath?: ValuePath;
    /** StageDescription top-level CachingEnabled / CacheTtlInSeconds (stored as the star/star entry: UNCONFIRMED). */
    descriptionCaching?: {
        caching: Value<boolean>;
        ttl?: Value<number>;
        at: SourceLocation;
    };
    settings: SettingEntry[];
}
export declare const VERBS: Set<string>;
export declare function normaliseMethod(m: string): HttpMethod | undefined;
export declare function joinPath(parent: string, part: string): string;
/** Path and query parameters a method's response depends on: `{id}` → method.request.path.id, `{proxy+}` → ...path.proxy. */
export declare function selectingParams(method: ApiMethod): string[];
export declare function resolved<T>(r: Resolved<T>): T | undefined;
export declare function markIncomplete(api: ApiInfo, why: string): void;
export declare function stringList(reader: TemplateReader, r: Resolved): Resolved<string[]>;
export declare function stringMap(reader: TemplateReader, path: TemplatePath | undefined): Record<string, string>;
/**
 * `Cache-Control: no-store` mapped in an integration response (§1.12). Proxy integrations cannot map headers:
 * known(undefined) there, and the endpoint says noStoreSettable: false.
 */
export declare function integrationNoStore(reader: TemplateReader, integrationPath: TemplatePath | undefined, type: string | undefined, responsesKey: string, paramsKey: string): Value<HeaderPolicy | undefined>;
