// Kong Ingress Controller manifests (KongPlugin, KongClusterPlugin, KongConsumer(Group), KongIngress, Ingress,
// Service, Gateway API HTTPRoute) → Model, through the same KongState and buildKongModel as decK files, so Kong's
// precedence and every rule apply unchanged (flavor 'kong-ingress' for the remediation text).
//
// All manifests of one scan are read together (`toModelsTogether`): one scan is one cluster, so an Ingress in one
// file resolves a KongPlugin in another, and a global KongClusterPlugin applies to every route of the scan.
import type { InputError } from '../../findings';
import type { Model } from '../../model';
import { buildKongModel } from '../kong/build';
import type { AdapterInput, AdapterOutput, SourceAdapter } from '../types';
import { detectKongIngress, screenKongIngressText } from './detect';
import { readManifests, type K8sObject } from './manifests';
import { buildIngressState } from './state';

export { detectKongIngress, screenKongIngressText } from './detect';
export { buildIngressState } from './state';
export { readManifests } from './manifests';

function toModelsTogether(inputs: AdapterInput[]): AdapterOutput {
  const objects: K8sObject[] = [];
  const errors: InputError[] = [];
  for (const { file, parsed } of inputs) {
    try {
      const read = readManifests(file, parsed);
      objects.push(...read.objects);
      errors.push(...read.errors);
    } catch (e) {
      errors.push({ file, code: 'internal', message: `internal error while reading this file: ${(e as Error)?.message ?? String(e)} (please report it)` });
    }
  }
  const { state, errors: stateErrors } = buildIngressState(objects);
  errors.push(...stateErrors);
  const built = buildKongModel(state, { file: inputs[0]?.file ?? '', flavor: 'kong-ingress' });

  // One model per file: endpoints belong to the file of their Ingress/HTTPRoute (buildKongModel keeps route order).
  const byFile = new Map<string, Model>(inputs.map((i) => [i.file, { file: i.file, endpoints: [], facts: [] }]));
  const modelOf = (file: string) => {
    let m = byFile.get(file);
    if (!m) byFile.set(file, (m = { file, endpoints: [], facts: [] }));
    return m;
  };
  built.endpoints.forEach((e, i) => modelOf(state.routes[i].at.file).endpoints.push(e));
  for (const f of built.facts) modelOf(f.at.file).facts.push(f);
  return { models: [...byFile.values()], errors };
}

export const kongIngressAdapter: SourceAdapter = {
  format: 'kong-ingress',
  detect: (doc) => detectKongIngress(doc),
  toModels: (input) => toModelsTogether([input]),
  toModelsTogether,
  screenText: (text) => screenKongIngressText(text),
};

export default kongIngressAdapter;
