// Shared by the model-value tests: run the adapter over inline template text and pick endpoints.
import { parseYaml } from '../../../lib/parse/yaml';
import { cloudFormationAdapter } from '../../../lib/sources/cloudformation';
import type { CacheLayer, Endpoint } from '../../../lib/model';
import { wordedModel, type WordedModel } from '../../helpers/worded';

/** The one model of a template; its facts as CL006/CL008 word them (test/helpers/worded.ts). */
export function modelOf(text: string, file = 't.yaml'): WordedModel {
  const out = cloudFormationAdapter.toModels({ file, parsed: parseYaml(text, { tags: 'cloudformation' }) });
  expect(out.errors).toEqual([]);
  expect(out.models).toHaveLength(1);
  return wordedModel(out.models[0]);
}

export function ep(m: Pick<WordedModel, 'endpoints'>, findingId: string, resource?: string): Endpoint {
  const found = m.endpoints.filter((e) => e.findingId === findingId && (!resource || e.resource === resource));
  expect(found).toHaveLength(1);
  return found[0];
}

export function only(e: Endpoint): CacheLayer {
  expect(e.caches).toHaveLength(1);
  return e.caches[0];
}
