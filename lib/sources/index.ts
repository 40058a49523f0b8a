// Adapter registry. Order matters only for detection: the first adapter that recognises a document owns the file.
// Adapters load on first use: detection is a small module per format, and an adapter's conversion code is required
// only when a file of its format is found (a pre-commit run on one Kong file never loads the CloudFormation code).
import type { AdapterInput, AdapterOutput, SourceAdapter } from './types';
import { isTemplate } from './cloudformation/detect';
import { detectDeckPatch, detectKong } from './kong/detect';
import { detectKongIngress, screenKongIngressText } from './kong-ingress/detect';
import type { TagMode, YamlDocument } from '../parse/yaml';

/** An adapter whose `toModels` module is required on the first file it converts. */
export function lazyAdapter(
  format: string,
  detect: (doc: YamlDocument, file: string) => boolean,
  load: () => SourceAdapter,
  extra: { together?: boolean; screenText?: SourceAdapter['screenText'] } = {},
): SourceAdapter {
  let adapter: SourceAdapter | undefined;
  const lazy: SourceAdapter = { format, detect, toModels: (input: AdapterInput): AdapterOutput => (adapter ??= load()).toModels(input) };
  if (extra.together) lazy.toModelsTogether = (inputs: AdapterInput[]): AdapterOutput => (adapter ??= load()).toModelsTogether!(inputs);
  if (extra.screenText) lazy.screenText = extra.screenText;
  return lazy;
}

/* eslint-disable @typescript-eslint/no-require-imports */
// CloudFormation first: a template never looks like Kong, but a Kong sniffer could claim a template's `Resources`.
export const ADAPTERS: SourceAdapter[] = [
  lazyAdapter(
    'cloudformation',
    (doc, file) => isTemplate(doc.value, file),
    () => (require('./cloudformation') as typeof import('./cloudformation')).cloudFormationAdapter,
  ),
  // decK patch / add-plugins files are Kong's too: read together with the state files they change.
  lazyAdapter(
    'kong',
    (doc) => detectKong(doc) || detectDeckPatch(doc),
    () => (require('./kong') as typeof import('./kong')).kongAdapter,
    { together: true },
  ),
  // Kubernetes manifests (apiVersion + kind) never look like decK files, and decK never has apiVersion/kind.
  lazyAdapter(
    'kong-ingress',
    (doc) => detectKongIngress(doc),
    () => (require('./kong-ingress') as typeof import('./kong-ingress')).kongIngressAdapter,
    {
      together: true,
      screenText: screenKongIngressText,
    },
  ),
];
/* eslint-enable @typescript-eslint/no-require-imports */

/** Cheap text prefilter for directory walks, so package-lock.json and friends are never parsed. */
export function looksLikeOurs(text: string): boolean {
  return (
    /AWSTemplateFormatVersion|"?AWS::[A-Za-z0-9]+::/.test(text) ||
    /(^|\n)["']?(_format_version|services|routes|plugins|consumers|consumer_groups|add-plugins|patches)["']?\s*:/.test(text) ||
    /configuration\.konghq\.com|konghq\.com\/|kind:\s*(Ingress|HTTPRoute|Service|List)\b/.test(text)
  );
}

export function tagModeFor(text: string): TagMode {
  return /AWSTemplateFormatVersion|AWS::|!Ref\b|!GetAtt\b|!Sub\b/.test(text) ? 'cloudformation' : 'plain';
}

/** The first adapter's verdict on a file's raw text before parsing (see SourceAdapter.screenText). */
export function screenText(text: string, file: string): ReturnType<NonNullable<SourceAdapter['screenText']>> {
  for (const a of ADAPTERS) {
    const verdict = a.screenText?.(text, file);
    if (verdict) return verdict;
  }
  return undefined;
}
