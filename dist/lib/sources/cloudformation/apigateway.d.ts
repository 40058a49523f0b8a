import type { Endpoint, HeaderPolicy, Method, SourceLocation, Value, ValuePath } from '../../model';
import { formatValue } from './intrinsics';
import { type Branch, type Item, type TemplatePath, type TemplateReader } from './template';
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
        why: string;
        at: SourceLocation;
    }[];
    stages: StageInfo[];
}
interface SettingEntry {
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
export declare function normaliseMethod(m: string): HttpMethod | undefined;
export declare function joinPath(parent: string, part: string): string;
/** Path and query parameters a method's response depends on: `{id}` → method.request.path.id, `{proxy+}` → ...path.proxy. */
export declare function selectingParams(method: ApiMethod): string[];
/** Reads AWS::ApiGateway::RestApi / Resource / Method / Authorizer resources and inline OpenAPI bodies. */
export declare function collectRestApis(reader: TemplateReader, apis: Map<string, ApiInfo>): void;
/**
 * The API a RestApiId points at. An API defined elsewhere (a parameter, Fn::ImportValue, a literal id) becomes an
 * incomplete API of its own, so a Stage of this template that caches a write on it is still judged.
 */
export declare function apiFor(reader: TemplateReader, apis: Map<string, ApiInfo>, ref: unknown): ApiInfo | undefined;
export declare function markIncomplete(api: ApiInfo, why: string): void;
/**
 * `Cache-Control: no-store` mapped in an integration response (§1.12). Proxy integrations cannot map headers:
 * known(undefined) there, and the endpoint says noStoreSettable: false.
 */
export declare function integrationNoStore(reader: TemplateReader, integrationPath: TemplatePath | undefined, type: string | undefined, responsesKey: string, paramsKey: string): Value<HeaderPolicy | undefined>;
interface OpenApiOptions {
    /** SAM: events add methods to the body (see sam.ts); defaults for operations without an integration. */
    integrationDefault?: string;
}
/** Methods of an inline OpenAPI/Swagger body with x-amazon-apigateway-integration (§1.8). */
export declare function readOpenApi(reader: TemplateReader, api: ApiInfo, bodyPath: TemplatePath, _options: OpenApiOptions): void;
/** AWS::ApiGateway::Stage and AWS::ApiGateway::Deployment (StageName / StageDescription). */
export declare function collectStages(reader: TemplateReader, apis: Map<string, ApiInfo>): void;
export declare function readStage(reader: TemplateReader, resource: string, base: TemplatePath, stageName: Value<string>, opts: {
    cluster: Value<boolean>;
}, extraSettings?: Item[]): StageInfo;
/** Normalises a MethodSetting key (§1.2): `/*` + `*` → stage-wide; `/~1a~1{id}` → `/a/{id}`; `/` → root. */
export declare function parseSettingKey(rawPath: string, rawMethod: string): {
    path?: string;
    method?: string;
    unencoded?: boolean;
};
/** Endpoints of every API and stage; CL008/CL006 facts for settings that match nothing or cannot be read. */
export declare function apiEndpoints(reader: TemplateReader, apis: Map<string, ApiInfo>): Map<string, {
    stageName: Value<string>;
    endpoint: Endpoint;
}[]>;
export { formatValue };
