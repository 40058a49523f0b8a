// CloudFormation / SAM / cdk.out adapter. `modelFromTemplate` works on a plain template object plus a TemplateLocator,
// so the CDK integration reuses it with a Stack resolved in memory (construct paths instead of lines). A cdk.out
// folder is expanded by assembly.ts (`modelsFromAssembly`), which reads manifest.json and each stack's template.
//
// Fn::If whose condition depends on a parameter (both branches are judged, never only the safer one):
// - a deciding scalar (`CachingEnabled: !If [C, true, false]`, a TTL, a policy id) is `unknown`, naming the condition,
//   both outcomes and what the parameter defaults would give (CL006), unless both branches are equal;
// - a conditional MethodSettings entry (`- !If [C, {...POST CachingEnabled: true}, !Ref AWS::NoValue]`) is read with
//   its caching value turned `unknown` for the same reason: CL006 names it, CL001 does not claim it;
// - a conditional CloudFront behaviour is modelled as a behaviour (details.condition = "C=true"): each branch is a
//   configuration some deploy gets, and its findings hold for that deploy.
import type { InputError } from '../../findings';
import type { Endpoint, Model, ResourceSuppression } from '../../model';
import type { YamlDocument } from '../../parse/yaml';
import type { AdapterInput, AdapterOutput, SourceAdapter } from '../types';
import { apiEndpoints, collectRestApis, collectStages, type ApiInfo } from './apigateway';
import { cloudFrontEndpoints } from './cloudfront';
import { collectSam } from './sam';
import { TemplateReader, documentLocator, type TemplateLocator, type TemplatePath } from './template';
import { isTemplate } from './detect';

export type { TemplateLocator, TemplatePath } from './template';
export { documentLocator } from './template';
export { isTemplate } from './detect';
export { expandCloudAssembly, isCloudAssembly, modelsFromAssembly, type AssemblyStack } from './assembly';

export interface TemplateOptions {
  /** File shown in findings (the template file, or the CDK stack's template name). */
  file: string;
  /** Which input the user edits: remediation in CloudFormation or CDK terms. */
  flavor: 'cloudformation' | 'cdk';
  /** The YAML document of a template file the user edits (absent for cdk.out: generated, never fixed). */
  document?: number;
}

/** Builds the model of one template: API Gateway endpoints (per stage, path, method), CloudFront behaviours, facts. */
export function modelFromTemplate(template: unknown, locator: TemplateLocator, options: TemplateOptions): Model {
  const t = (template && typeof template === 'object' ? template : {}) as Record<string, unknown>;
  const reader = new TemplateReader(t, locator, options.file, options.flavor, options.document);
  const apis = new Map<string, ApiInfo>();
  collectRestApis(reader, apis);
  collectSam(reader, apis);
  collectStages(reader, apis);
  const byApi = apiEndpoints(reader, apis);
  const endpoints: Endpoint[] = [...byApi.values()].flatMap((l) => l.map((r) => r.endpoint));
  endpoints.push(...cloudFrontEndpoints(reader, byApi));
  forEachFacts(reader);
  const model: Model = { file: options.file, endpoints, facts: reader.facts };
  const suppressions = resourceSuppressions(reader);
  if (suppressions.length) model.resourceSuppressions = suppressions;
  return model;
}

// Resource types whose configuration cachelint judges: a loop that generates them hides that configuration.
const JUDGED_TYPES =
  /AWS::(ApiGateway::(RestApi|Stage|Deployment|Method)|Serverless::(Api|Function)|CloudFront::(Distribution|CachePolicy|ResponseHeadersPolicy))\b/;

/**
 * `Fn::ForEach::Name` (Transform AWS::LanguageExtensions) generates resources at deploy time; cachelint does not expand
 * it. When the loop generates API Gateway or CloudFront resources, say so (CL006) instead of judging without them.
 */
function forEachFacts(reader: TemplateReader): void {
  for (const [key, value] of Object.entries(reader.resources)) {
    if (!key.startsWith('Fn::ForEach::')) continue;
    const types = JSON.stringify(value ?? null).match(new RegExp(JUDGED_TYPES.source, 'g'));
    if (!types) continue;
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
function resourceSuppressions(reader: TemplateReader): ResourceSuppression[] {
  const out: ResourceSuppression[] = [];
  for (const [id, res] of Object.entries(reader.resources)) {
    const ignore = (res?.Metadata?.cachelint as Record<string, unknown> | undefined)?.ignore;
    if (!Array.isArray(ignore)) continue;
    ignore.forEach((entry, i) => {
      const path: TemplatePath = ['Resources', id, 'Metadata', 'cachelint', 'ignore', i];
      const e = (typeof entry === 'string' ? { id: entry } : entry) as Record<string, unknown> | undefined;
      // An entry without an id is kept (id ''): the engine reports it rather than dropping it silently.
      const ruleId = typeof e?.id === 'string' ? e.id.trim().toUpperCase() : '';
      const reason = typeof e?.reason === 'string' && e.reason.trim() ? e.reason.trim() : undefined;
      out.push({ resource: id, ruleId, reason, at: reader.at(path) });
    });
  }
  return out;
}

/** A cdk.out stack template (or any template CDK synthesised): remediation in CDK terms. */
function flavorOf(value: Record<string, unknown>, file: string): 'cloudformation' | 'cdk' {
  if (/(^|\/)cdk\.out\//.test(file) || /\.template\.json$/i.test(file)) return 'cdk';
  const resources = (value.Resources ?? {}) as Record<string, { Type?: unknown; Metadata?: Record<string, unknown> }>;
  return Object.values(resources).some((r) => r?.Type === 'AWS::CDK::Metadata' || typeof r?.Metadata?.['aws:cdk:path'] === 'string') ? 'cdk' : 'cloudformation';
}

export const cloudFormationAdapter: SourceAdapter = {
  format: 'cloudformation',
  detect(doc: YamlDocument, file: string): boolean {
    return isTemplate(doc.value, file);
  },
  toModels(input: AdapterInput): AdapterOutput {
    const models: Model[] = [];
    const errors: InputError[] = [];
    for (const doc of input.parsed.documents) {
      if (!isTemplate(doc.value, input.file)) continue;
      const value = doc.value as Record<string, unknown>;
      const bad = malformedResource(value);
      if (bad) {
        const p = doc.locate(['Resources', bad.id]);
        errors.push({ file: input.file, line: p.line, column: p.column, code: 'template', message: `resource ${bad.id}: ${bad.why}` });
        continue;
      }
      const flavor = flavorOf(value, input.file);
      // A synthesised template is regenerated from code: only hand-written ones are addressable by --fix.
      models.push(
        modelFromTemplate(value, documentLocator(doc, input.file, value), {
          file: input.file,
          flavor,
          ...(flavor === 'cloudformation' ? { document: doc.index } : {}),
        }),
      );
    }
    return { models, errors };
  },
};

function malformedResource(t: Record<string, unknown>): { id: string; why: string } | undefined {
  for (const [id, r] of Object.entries((t.Resources ?? {}) as Record<string, unknown>)) {
    if (id.startsWith('Fn::ForEach::')) continue; // AWS::LanguageExtensions loops: see forEachFacts
    if (!r || typeof r !== 'object' || Array.isArray(r)) return { id, why: 'is not a mapping' };
    const type = (r as Record<string, unknown>).Type;
    if (typeof type !== 'string') return { id, why: 'has no Type' };
  }
  return undefined;
}
