"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readOrigins = readOrigins;
const intrinsics_1 = require("../intrinsics");
const references_1 = require("../references");
function readOrigins(reader, cfgPath, apis) {
    const origins = new Map();
    for (const o of reader.items([...cfgPath, 'Origins'])) {
        if (!o.value || typeof o.value !== 'object')
            continue;
        const v = o.value;
        const id = (0, intrinsics_1.asString)(reader.resolver.resolve(v.Id));
        if (!id.known)
            continue;
        const domainRaw = v.DomainName;
        const domain = (0, intrinsics_1.asString)(reader.resolver.resolve(domainRaw));
        const refs = (0, references_1.referencedIds)(domainRaw);
        const text = domain.known ? domain.value : (0, intrinsics_1.literalText)(domainRaw);
        const refTypes = [...refs].map((r) => reader.typeOf(r));
        const staticOrigin = v.S3OriginConfig !== undefined ||
            oacOriginType(reader, v.OriginAccessControlId) === 's3' ||
            /\.s3[.-]|\.s3\.amazonaws\.com|s3-website|\.s3$/i.test(text) ||
            (refTypes.includes('AWS::S3::Bucket') && !refTypes.some((t) => t && /ApiGateway|Serverless::Api|Lambda/.test(t)));
        const apiId = [...refs].find((r) => apis.has(r) && (/execute-api/.test(text) || /ApiGateway::RestApi|Serverless::Api/.test(reader.typeOf(r) ?? '') || r === 'ServerlessRestApi'));
        const originPath = (0, intrinsics_1.asString)(reader.resolver.resolve(v.OriginPath));
        origins.set(id.value, {
            id: id.value,
            staticOrigin: staticOrigin && !apiId,
            apiId,
            originPath: originPath.known ? originPath.value.replace(/\/$/, '') : '',
        });
    }
    // Origin groups: static when every member is.
    for (const g of reader.items([...cfgPath, 'OriginGroups', 'Items'])) {
        const gv = g.value;
        const gid = (0, intrinsics_1.asString)(reader.resolver.resolve(gv?.Id));
        if (!gid.known)
            continue;
        const members = reader.items([...g.path, 'Members', 'Items']).map((m) => (0, intrinsics_1.asString)(reader.resolver.resolve(m.value?.OriginId)));
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
function oacOriginType(reader, raw) {
    if (raw === undefined)
        return undefined;
    const id = [...(0, references_1.referencedIds)(raw)].find((r) => reader.typeOf(r) === 'AWS::CloudFront::OriginAccessControl');
    if (!id)
        return undefined;
    const t = (0, intrinsics_1.asString)(reader.resolver.resolve(reader.raw(['Resources', id, 'Properties', 'OriginAccessControlConfig', 'OriginAccessControlOriginType'])));
    return t.known ? t.value.toLowerCase() : undefined;
}
