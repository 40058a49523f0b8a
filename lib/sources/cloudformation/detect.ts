// Template detection on its own, so the engine can recognise (or rule out) a template without loading the adapter:
// a Kong-only scan never loads the CloudFormation code (lib/sources/index.ts).
/** True for a parsed value that looks like a CloudFormation/SAM template or a cdk.out stack template. */
export function isTemplate(value: unknown, file = ''): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  const resources = t.Resources;
  const hasResources = !!resources && typeof resources === 'object' && !Array.isArray(resources);
  if (hasResources && /\.template\.json$/i.test(file)) return true;
  if (t.AWSTemplateFormatVersion !== undefined && (hasResources || t.Transform !== undefined)) return true;
  if (!hasResources) return false;
  // A Transform (SAM, AWS::LanguageExtensions) is CloudFormation's own; so is a Fn::ForEach loop, whose resources are
  // inside it (a template of loops alone has no top-level Type).
  if (t.Transform !== undefined) return true;
  return Object.entries(resources as Record<string, unknown>).some(
    ([id, r]) =>
      id.startsWith('Fn::ForEach::') ||
      (!!r &&
        typeof r === 'object' &&
        typeof (r as Record<string, unknown>).Type === 'string' &&
        /^(AWS|Custom|Alexa)::/.test((r as Record<string, string>).Type)),
  );
}
