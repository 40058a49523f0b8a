// The API Gateway model this adapter builds: APIs with their methods and stages, and the readers REST resources,
// OpenAPI bodies and SAM share (verbs, request parameters, integration responses).
import type { HeaderPolicy, Method, SourceLocation, Value, ValuePath } from '../../../model';
import { ALL_METHODS, known, unknown } from '../../../model';
import { asString, type Resolved } from '../intrinsics';
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
  unresolvedMethods?: { id: string; part: 'resource path' | 'HTTP method'; why?: string; at: SourceLocation }[];
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
  descriptionCaching?: { caching: Value<boolean>; ttl?: Value<number>; at: SourceLocation };
  settings: SettingEntry[];
}

export const VERBS = new Set<string>([...ALL_METHODS, 'ANY']);

export function normaliseMethod(m: string): HttpMethod | undefined {
  const up = m.trim().toUpperCase();
  if (up === 'X-AMAZON-APIGATEWAY-ANY-METHOD') return 'ANY';
  return VERBS.has(up) ? (up as HttpMethod) : undefined;
}

export function joinPath(parent: string, part: string): string {
  return parent === '/' ? `/${part}` : `${parent}/${part}`;
}

/** Path and query parameters a method's response depends on: `{id}` → method.request.path.id, `{proxy+}` → ...path.proxy. */
export function selectingParams(method: ApiMethod): string[] {
  const out = new Set<string>();
  for (const m of method.path.matchAll(/\{([^}+]+)\+?\}/g)) out.add(`method.request.path.${m[1]}`);
  for (const p of method.requestParams) if (/^method\.request\.(path|querystring|multivaluequerystring)\./.test(p)) out.add(p);
  return [...out];
}

export function resolved<T>(r: Resolved<T>): T | undefined {
  return r.known ? r.value : undefined;
}

export function markIncomplete(api: ApiInfo, why: string): void {
  if (api.complete) api.incompleteWhy = why;
  api.complete = false;
}

export function stringList(reader: TemplateReader, r: Resolved): Resolved<string[]> {
  if (!r.known) return r;
  const l = reader.resolver.list(r.value);
  if (!l.known) return l;
  return { known: true, value: l.value.map(String) };
}

export function stringMap(reader: TemplateReader, path: TemplatePath | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!path) return out;
  for (const [key, v] of Object.entries(reader.obj(path)?.value ?? {})) {
    const s = resolved(asString(reader.resolver.resolve(v)));
    if (s !== undefined) out[key] = s;
  }
  return out;
}

/**
 * `Cache-Control: no-store` mapped in an integration response (§1.12). Proxy integrations cannot map headers:
 * known(undefined) there, and the endpoint says noStoreSettable: false.
 */
export function integrationNoStore(
  reader: TemplateReader,
  integrationPath: TemplatePath | undefined,
  type: string | undefined,
  responsesKey: string,
  paramsKey: string,
): Value<HeaderPolicy | undefined> {
  if (!integrationPath || (type && type.endsWith('_PROXY'))) return known(undefined);
  const responses = reader.node([...integrationPath, responsesKey]);
  if (!responses || !('value' in responses) || !responses.value || typeof responses.value !== 'object') return known(undefined);
  const keys = Array.isArray(responses.value) ? responses.value.map((_, i) => i) : Object.keys(responses.value);
  for (const key of keys) {
    const params = reader.obj([...responses.path, key, paramsKey]);
    if (!params) continue;
    for (const [name, v] of Object.entries(params.value)) {
      if (name.toLowerCase() !== 'method.response.header.cache-control') continue;
      const at = reader.at([...params.path, name]);
      const s = asString(reader.resolver.resolve(v));
      if (!s.known) return unknown(s.why, at);
      if (/no-store/i.test(s.value) && /^'.*'$/.test(s.value.trim()))
        return known({ cacheControl: s.value.trim().slice(1, -1), at, source: 'integration response mapping' });
    }
  }
  return known(undefined);
}
