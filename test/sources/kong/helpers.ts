// Test helpers for the Kong adapter: YAML text in, model and input errors out.
import { readFileSync } from 'node:fs';
import { parseYaml } from '../../../lib/parse/yaml';
import { kongAdapter } from '../../../lib/sources/kong';
import type { Endpoint } from '../../../lib/model';

export function load(text: string, file = 'kong.yaml') {
  const parsed = parseYaml(text, { tags: 'plain' });
  const out = kongAdapter.toModels({ file, parsed });
  const model = out.models[0];
  const byName = (name: string): Endpoint => {
    const e = model.endpoints.find((x) => x.findingId === name);
    if (!e) throw new Error(`no endpoint ${name} in ${model.endpoints.map((x) => x.findingId).join(', ')}`);
    return e;
  };
  return { model, errors: out.errors, endpoints: model.endpoints, byName, parsed };
}

export const loadFile = (path: string) => load(readFileSync(path, 'utf8'), path);

/** Joins lines so tests can pin line numbers by reading the literal. */
export const yaml = (...lines: string[]) => lines.join('\n') + '\n';

export const detect = (text: string) => kongAdapter.detect(parseYaml(text, { tags: 'plain' }).documents[0], 'x.yaml');
