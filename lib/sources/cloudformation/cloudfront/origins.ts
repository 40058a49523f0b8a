// CloudFront origins: which are static (S3, an S3 OAC) and which are a REST API of this template, behind which OriginPath.
import type { Endpoint, Value } from '../../../model';
import { asString, literalText } from '../intrinsics';
import { referencedIds } from '../references';
import type { TemplatePath, TemplateReader } from '../template';

export interface OriginInfo {
  id: string;
  staticOrigin: boolean;
  /** A REST API of this template (logical id) and the OriginPath in front of it. */
  apiId?: string;
  originPath: string;
}

export interface ApiEndpointRef {
  stageName: Value<string>;
  endpoint: Endpoint;
}

export function readOrigins(reader: TemplateReader, cfgPath: TemplatePath, apis: Map<string, ApiEndpointRef[]>): Map<string, OriginInfo> {
  const origins = new Map<string, OriginInfo>();
  for (const o of reader.items([...cfgPath, 'Origins'])) {
    if (!o.value || typeof o.value !== 'object') continue;
    const v = o.value as Record<string, unknown>;
    const id = asString(reader.resolver.resolve(v.Id));
    if (!id.known) continue;
    const domainRaw = v.DomainName;
    const domain = asString(reader.resolver.resolve(domainRaw));
    const refs = referencedIds(domainRaw);
    const text = domain.known ? domain.value : literalText(domainRaw);
    const refTypes = [...refs].map((r) => reader.typeOf(r));
    const staticOrigin =
      v.S3OriginConfig !== undefined ||
      oacOriginType(reader, v.OriginAccessControlId) === 's3' ||
      /\.s3[.-]|\.s3\.amazonaws\.com|s3-website|\.s3$/i.test(text) ||
      (refTypes.includes('AWS::S3::Bucket') && !refTypes.some((t) => t && /ApiGateway|Serverless::Api|Lambda/.test(t)));
    const apiId = [...refs].find(
      (r) => apis.has(r) && (/execute-api/.test(text) || /ApiGateway::RestApi|Serverless::Api/.test(reader.typeOf(r) ?? '') || r === 'ServerlessRestApi'),
    );
    const originPath = asString(reader.resolver.resolve(v.OriginPath));
    origins.set(id.value, {
      id: id.value,
      staticOrigin: staticOrigin && !apiId,
      apiId,
      originPath: originPath.known ? originPath.value.replace(/\/$/, '') : '',
    });
  }
  // Origin groups: static when every member is.
  for (const g of reader.items([...cfgPath, 'OriginGroups', 'Items'])) {
    const gv = g.value as Record<string, unknown> | undefined;
    const gid = asString(reader.resolver.resolve(gv?.Id));
    if (!gid.known) continue;
    const members = reader.items([...g.path, 'Members', 'Items']).map((m) => asString(reader.resolver.resolve((m.value as Record<string, unknown>)?.OriginId)));
    const infos = members.map((m) => (m.known ? origins.get(m.value) : undefined));
    origins.set(gid.value, {
      id: gid.value,
      staticOrigin: infos.length > 0 && infos.every((i) => i?.staticOrigin),
      apiId: infos.find((i) => i?.apiId)?.apiId,
      originPath: infos.find((i) => i?.apiId)?.originPath ?? '',
    });
  }
  return origins;
}

/** OriginAccessControlOriginType of the template OAC an origin uses (`s3`, `lambda`, `mediastore`...): OAC alone is not S3. */
function oacOriginType(reader: TemplateReader, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const id = [...referencedIds(raw)].find((r) => reader.typeOf(r) === 'AWS::CloudFront::OriginAccessControl');
  if (!id) return undefined;
  const t = asString(reader.resolver.resolve(reader.raw(['Resources', id, 'Properties', 'OriginAccessControlConfig', 'OriginAccessControlOriginType'])));
  return t.known ? t.value.toLowerCase() : undefined;
}
