// Adapter registry. Order matters only for detection: the first adapter that recognises a document owns the file.
// Adapters load on first use: detection is a small module per format, and an adapter's conversion code is required
// only when a file of its format is found (a pre-commit run on one Kong file never loads the CloudFormation code).
import type { AdapterInput, AdapterOutput, SourceAdapter } from './types';
import { isTemplate } from './cloudformation/detect';
import { detectKong } from './kong/detect';
import type { TagMode, YamlDocument } from '../parse/yaml';

/** An adapter whose `toModels` module is required on the first file it converts. */
export function lazyAdapter(
  format: string,
  tags: TagMode,
  detect: (doc: YamlDocument, file: string) => boolean,
  load: () => SourceAdapter,
): SourceAdapter {
  let adapter: SourceAdapter | undefined;
  return { format, tags, detect, toModels: (input: AdapterInput): AdapterOutput => (adapter ??= load()).toModels(input) };
}

/* eslint-disable @typescript-eslint/no-require-imports */
// CloudFormation first: a template never looks like Kong, but a Kong sniffer could claim a template's `Resources`.
export const ADAPTERS: SourceAdapter[] = [
  lazyAdapter('cloudformation', 'cloudformation', (doc, file) => isTemplate(doc.value, file), () => (require('./cloudformation') as typeof import('./cloudformation')).cloudFormationAdapter),
  lazyAdapter('kong', 'plain', (doc) => detectKong(doc), () => (require('./kong') as typeof import('./kong')).kongAdapter),
];
/* eslint-enable @typescript-eslint/no-require-imports */

/** Cheap text prefilter for directory walks, so package-lock.json and friends are never parsed. */
export function looksLikeOurs(text: string): boolean {
  return (
    /AWSTemplateFormatVersion|"?AWS::[A-Za-z0-9]+::/.test(text) ||
    /(^|\n)["']?(_format_version|services|routes|plugins|consumers|consumer_groups)["']?\s*:/.test(text) ||
    /configuration\.konghq\.com|konghq\.com\/|kind:\s*(Ingress|HTTPRoute|Service|List)\b/.test(text)
  );
}

export function tagModeFor(text: string): TagMode {
  return /AWSTemplateFormatVersion|AWS::|!Ref\b|!GetAtt\b|!Sub\b/.test(text) ? 'cloudformation' : 'plain';
}
