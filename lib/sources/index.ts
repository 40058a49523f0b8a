// Adapter registry. Order matters only for detection: the first adapter that recognises a document owns the file.
import type { SourceAdapter } from './types';
import { cloudFormationAdapter } from './cloudformation';
import { kongAdapter } from './kong';
import type { TagMode } from '../parse/yaml';

// CloudFormation first: a template never looks like Kong, but a Kong sniffer could claim a template's `Resources`.
export const ADAPTERS: SourceAdapter[] = [cloudFormationAdapter, kongAdapter];

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
