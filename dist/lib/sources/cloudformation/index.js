"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cloudFormationAdapter = exports.modelsFromAssembly = exports.isCloudAssembly = exports.expandCloudAssembly = exports.isTemplate = exports.documentLocator = void 0;
exports.modelFromTemplate = modelFromTemplate;
const apigateway_1 = require("./apigateway");
const cloudfront_1 = require("./cloudfront");
const sam_1 = require("./sam");
const template_1 = require("./template");
const detect_1 = require("./detect");
var template_2 = require("./template");
Object.defineProperty(exports, "documentLocator", { enumerable: true, get: function () { return template_2.documentLocator; } });
var detect_2 = require("./detect");
Object.defineProperty(exports, "isTemplate", { enumerable: true, get: function () { return detect_2.isTemplate; } });
var assembly_1 = require("./assembly");
Object.defineProperty(exports, "expandCloudAssembly", { enumerable: true, get: function () { return assembly_1.expandCloudAssembly; } });
Object.defineProperty(exports, "isCloudAssembly", { enumerable: true, get: function () { return assembly_1.isCloudAssembly; } });
Object.defineProperty(exports, "modelsFromAssembly", { enumerable: true, get: function () { return assembly_1.modelsFromAssembly; } });
/** Builds the model of one template: API Gateway endpoints (per stage, path, method), CloudFront behaviours, facts. */
function modelFromTemplate(template, locator, options) {
    const t = (template && typeof template === 'object' ? template : {});
    const reader = new template_1.TemplateReader(t, locator, options.file, options.flavor, options.document);
    const apis = new Map();
    (0, apigateway_1.collectRestApis)(reader, apis);
    (0, sam_1.collectSam)(reader, apis);
    (0, apigateway_1.collectStages)(reader, apis);
    const byApi = (0, apigateway_1.apiEndpoints)(reader, apis);
    const endpoints = [...byApi.values()].flatMap((l) => l.map((r) => r.endpoint));
    endpoints.push(...(0, cloudfront_1.cloudFrontEndpoints)(reader, byApi));
    forEachFacts(reader);
    const model = { file: options.file, endpoints, facts: reader.facts };
    const suppressions = resourceSuppressions(reader);
    if (suppressions.length)
        model.resourceSuppressions = suppressions;
    return model;
}
// Resource types whose configuration cachelint judges: a loop that generates them hides that configuration.
const JUDGED_TYPES = /AWS::(ApiGateway::(RestApi|Stage|Deployment|Method)|Serverless::(Api|Function)|CloudFront::(Distribution|CachePolicy|ResponseHeadersPolicy))\b/;
/**
 * `Fn::ForEach::Name` (Transform AWS::LanguageExtensions) generates resources at deploy time; cachelint does not expand
 * it. When the loop generates API Gateway or CloudFront resources, say so (CL006) instead of judging without them.
 */
function forEachFacts(reader) {
    for (const [key, value] of Object.entries(reader.resources)) {
        if (!key.startsWith('Fn::ForEach::'))
            continue;
        const types = JSON.stringify(value ?? null).match(new RegExp(JUDGED_TYPES.source, 'g'));
        if (!types)
            continue;
        reader.facts.push({
            kind: 'unresolved-setting',
            resource: key,
            route: key,
            findingId: key,
            at: reader.at(['Resources', key]),
            reason: { kind: 'foreach', key, types: [...new Set(types)] },
            blocks: ['CL001', 'CL002', 'CL007'],
            flavor: reader.flavor,
            platform: /CloudFront/.test(types[0]) ? 'cloudfront' : 'apigateway',
        });
    }
}
/** `Metadata: { cachelint: { ignore: [{ id: CL001, reason: ... }] } }` on any resource. */
function resourceSuppressions(reader) {
    const out = [];
    for (const [id, res] of Object.entries(reader.resources)) {
        const ignore = res?.Metadata?.cachelint?.ignore;
        if (!Array.isArray(ignore))
            continue;
        ignore.forEach((entry, i) => {
            const path = ['Resources', id, 'Metadata', 'cachelint', 'ignore', i];
            const e = (typeof entry === 'string' ? { id: entry } : entry);
            // An entry without an id is kept (id ''): the engine reports it rather than dropping it silently.
            const ruleId = typeof e?.id === 'string' ? e.id.trim().toUpperCase() : '';
            const reason = typeof e?.reason === 'string' && e.reason.trim() ? e.reason.trim() : undefined;
            out.push({ resource: id, ruleId, reason, at: reader.at(path) });
        });
    }
    return out;
}
/** A cdk.out stack template (or any template CDK synthesised): remediation in CDK terms. */
function flavorOf(value, file) {
    if (/(^|\/)cdk\.out\//.test(file) || /\.template\.json$/i.test(file))
        return 'cdk';
    const resources = (value.Resources ?? {});
    return Object.values(resources).some((r) => r?.Type === 'AWS::CDK::Metadata' || typeof r?.Metadata?.['aws:cdk:path'] === 'string') ? 'cdk' : 'cloudformation';
}
exports.cloudFormationAdapter = {
    format: 'cloudformation',
    detect(doc, file) {
        return (0, detect_1.isTemplate)(doc.value, file);
    },
    toModels(input) {
        const models = [];
        const errors = [];
        for (const doc of input.parsed.documents) {
            if (!(0, detect_1.isTemplate)(doc.value, input.file))
                continue;
            const value = doc.value;
            const bad = malformedResource(value);
            if (bad) {
                const p = doc.locate(['Resources', bad.id]);
                errors.push({ file: input.file, line: p.line, column: p.column, code: 'template', message: `resource ${bad.id}: ${bad.why}` });
                continue;
            }
            const flavor = flavorOf(value, input.file);
            // A synthesised template is regenerated from code: only hand-written ones are addressable by --fix.
            models.push(modelFromTemplate(value, (0, template_1.documentLocator)(doc, input.file, value), {
                file: input.file,
                flavor,
                ...(flavor === 'cloudformation' ? { document: doc.index } : {}),
            }));
        }
        return { models, errors };
    },
};
function malformedResource(t) {
    for (const [id, r] of Object.entries((t.Resources ?? {}))) {
        if (id.startsWith('Fn::ForEach::'))
            continue; // AWS::LanguageExtensions loops: see forEachFacts
        if (!r || typeof r !== 'object' || Array.isArray(r))
            return { id, why: 'is not a mapping' };
        const type = r.Type;
        if (typeof type !== 'string')
            return { id, why: 'has no Type' };
    }
    return undefined;
}
