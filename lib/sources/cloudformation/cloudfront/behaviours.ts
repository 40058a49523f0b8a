// CloudFront behaviours: each one an Endpoint (its allowed methods, its path pattern as written, its origin) with the
// cache its policy or legacy fields describe.
import type { CacheLayer, Endpoint, HeaderPolicy, Method, Value } from '../../../model';
import { known } from '../../../model';
import { asString } from '../intrinsics';
import type { TemplatePath, TemplateReader } from '../template';
import type { OriginInfo } from './origins';
import { GET_HEAD, cacheLayer, methodList, responseHeadersNoStore } from './policies';

export interface Behaviour {
  pattern?: string;
  /** Its PathPattern is decided at deploy time: shown as written, matched against nothing. */
  deployTime?: boolean;
  allowed: Value<Method[]>;
  originId?: string;
  layer?: CacheLayer;
  noStore: Value<HeaderPolicy | undefined>;
}

/** The behaviour's PathPattern; an unresolvable one (`deployTime`) is labelled by its position and matches no API path. */
export function patternOf(reader: TemplateReader, path: TemplatePath): { pattern: string; deployTime?: true } {
  const v = reader.value([...path, 'PathPattern'], asString);
  if (v?.known) return { pattern: v.value };
  // As its author wrote it where that can be shown (`/${stage}/*` from a Join or Sub); it matches no API path.
  const shown = deployTimeText(reader.raw([...path, 'PathPattern']));
  return { pattern: shown ?? `(unresolved PathPattern of CacheBehaviors[${String(path[path.length - 1])}])`, deployTime: true };
}

/** `{Fn::Join: ['', ['/', {Ref: stage}, '/*']]}` → `/${stage}/*`; a Sub string as written; undefined otherwise. */
function deployTimeText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.Ref === 'string') return `\${${o.Ref}}`;
  if (typeof o['Fn::Sub'] === 'string') return o['Fn::Sub'];
  if (Array.isArray(o['Fn::Sub']) && typeof o['Fn::Sub'][0] === 'string') return o['Fn::Sub'][0];
  const join = o['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map(deployTimeText);
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const att = o['Fn::GetAtt'];
  if (Array.isArray(att) && att.every((a) => typeof a === 'string')) return `\${${att.join('.')}}`;
  return undefined;
}

export function behaviourEndpoint(
  reader: TemplateReader,
  distribution: string,
  path: TemplatePath,
  pattern: string | undefined,
  origins: Map<string, OriginInfo>,
): { endpoint: Endpoint; behaviour: Behaviour } {
  const b = (reader.raw(path) ?? {}) as Record<string, unknown>;
  const allowed = reader.value([...path, 'AllowedMethods'], (r) => methodList(reader, r)) ?? known(GET_HEAD);
  const originId = asString(reader.resolver.resolve(b.TargetOriginId));
  const origin = originId.known ? origins.get(originId.value) : undefined;
  const layer = cacheLayer(reader, path);
  const noStore = responseHeadersNoStore(reader, path);
  const endpoint: Endpoint = {
    platform: 'cloudfront',
    resource: distribution,
    route: behaviourName(reader.flavor, pattern),
    findingId: pattern ?? 'default',
    methods: allowed,
    paths: [normalisePattern(pattern ?? '/*')],
    at: reader.at(path),
    caches: layer ? [layer] : [],
    noStore,
    staticOrigin: origin?.staticOrigin || undefined,
    flavor: reader.flavor,
    details: {
      distribution,
      behavior: pattern ?? 'default',
      ...(originId.known ? { origin: originId.value } : {}),
      ...(b.OriginRequestPolicyId !== undefined ? { originRequestPolicy: 'set' } : {}),
    },
  };
  return { endpoint, behaviour: { pattern, allowed, originId: originId.known ? originId.value : undefined, layer, noStore } };
}

/** A behaviour as its author wrote it: `DefaultCacheBehavior` / `CacheBehaviors /api/*` in a template, the
 *  Distribution props `defaultBehavior` / `additionalBehaviors['/api/*']` in a CDK app. */
function behaviourName(flavor: string, pattern: string | undefined): string {
  if (flavor === 'cdk') return pattern === undefined ? 'defaultBehavior' : `additionalBehaviors['${pattern}']`;
  return pattern === undefined ? 'DefaultCacheBehavior' : `CacheBehaviors ${pattern}`;
}

export function normalisePattern(p: string): string {
  return p.startsWith('/') ? p : '/' + p;
}
