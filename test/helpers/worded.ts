// Adapters hand rules structured facts (what and why); CL006 and CL008 own the words. Adapter tests and golden models
// read a fact through its rule's words, so they pin both the data and what a user reads from it.
import type { ConfigFact, Model } from '../../lib/model';
import { describeUnresolved } from '../../rules/CL006-unresolved-cache-setting';
import { settingWords } from '../../rules/CL008-ineffective-method-setting';

export type WordedFact = Pick<ConfigFact, 'kind' | 'resource' | 'route' | 'findingId' | 'at' | 'flavor' | 'platform'> & {
  message: string;
  blocks?: string[];
  fix?: { summary: string; snippet?: string };
};

/** The fact with its reason (and setting) replaced by the message (and fix) its rule words it with. */
export function worded(f: ConfigFact): WordedFact {
  const { kind, resource, route, findingId, at, flavor, platform } = f;
  if (f.kind === 'unresolved-setting')
    return { kind, resource, route, findingId, at, message: describeUnresolved(f.reason), blocks: f.blocks, flavor, platform };
  const { message, remediation } = settingWords(f);
  return { kind, resource, route, findingId, at, message, fix: remediation, flavor, platform };
}

/** A model whose facts read as their rules word them. */
export type WordedModel = Omit<Model, 'facts'> & { facts: WordedFact[] };

export const wordedModel = (m: Model): WordedModel => ({ ...m, facts: m.facts.map(worded) });
