// Kubernetes manifests → the objects Kong Ingress Controller reads, each with where it is written. Multi-document
// files and `kind: List` are flattened; objects Kong never reads (Deployments, Secrets, CRD definitions) are left out.
import type { InputError } from '../../findings';
import type { SourceLocation } from '../../model';
import { LazyLocation, type PathSegment, type YamlDocument, type YamlFile } from '../../parse/yaml';
import { ingressClassOf, KONG_KINDS } from './detect';

import { isRecord } from '../kong/placeholders';

export { isRecord };

/** Kinds this adapter reads. */
const READ_KINDS = new Set([...KONG_KINDS, 'KongServiceFacade', 'Ingress', 'HTTPRoute', 'Service']);
/** Cluster-scoped kinds: named without a namespace. */
const CLUSTER_KINDS = new Set(['KongClusterPlugin']);

export interface K8sObject {
  file: string;
  doc: YamlDocument;
  /** 1-based number of the YAML document in its file. */
  document: number;
  /** Path of the object inside its document: [] or ['items', i] in a List. */
  base: PathSegment[];
  obj: Record<string, unknown>;
  kind: string;
  name: string;
  /** '' for cluster-scoped kinds; 'default' when a namespaced object names none (kubectl's default). */
  namespace: string;
  /** `namespace/Kind/name`, or `Kind/name` for cluster-scoped objects: how findings name it. */
  id: string;
}

/** A location inside an object, computed only when a finding asks for it. */
export function locOf(o: K8sObject, path: readonly PathSegment[]): SourceLocation {
  return new LazyLocation(o.file, o.doc, [...o.base, ...path]);
}

export function errorAt(o: K8sObject, path: readonly PathSegment[], code: string, message: string): InputError {
  const l = o.doc.locate([...o.base, ...path]);
  return { file: o.file, line: l.line, column: l.column, code, message };
}

export function annotation(o: K8sObject, key: string): string | undefined {
  const meta = o.obj.metadata;
  const a = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations[key] : undefined;
  return typeof a === 'string' ? a : typeof a === 'number' || typeof a === 'boolean' ? String(a) : undefined;
}

export function label(o: K8sObject, key: string): string | undefined {
  const meta = o.obj.metadata;
  const l = isRecord(meta) && isRecord(meta.labels) ? meta.labels[key] : undefined;
  // A label value is a string; YAML may read an unquoted `true` or `3` as a scalar of another type.
  return typeof l === 'string' || typeof l === 'number' || typeof l === 'boolean' ? String(l) : undefined;
}

/** The Kong-relevant objects of one parsed file, with located errors for objects that cannot be read. */
export function readManifests(file: string, parsed: YamlFile): { objects: K8sObject[]; errors: InputError[] } {
  const objects: K8sObject[] = [];
  const errors: InputError[] = [];
  parsed.documents.forEach((doc, d) => {
    const root = doc.value;
    if (root === null || root === undefined) return; // an empty document (a trailing `---`)
    if (!isRecord(root)) return;
    const take = (obj: unknown, base: PathSegment[]) => {
      if (!isRecord(obj) || typeof obj.kind !== 'string' || !READ_KINDS.has(obj.kind)) return;
      const kind = obj.kind;
      const meta = isRecord(obj.metadata) ? obj.metadata : undefined;
      const draft = { file, doc, document: d + 1, base, obj, kind, name: '', namespace: '', id: '' };
      if (kind === 'Ingress' && !/kong/i.test(ingressClassOf(obj) ?? 'kong')) return; // another controller's Ingress
      const name = meta?.name;
      if (typeof name !== 'string' || name === '') {
        errors.push(
          errorAt(
            draft,
            meta ? ['metadata'] : [],
            'invalid-manifest',
            `${kind} in YAML document ${d + 1} has no metadata.name: Kong Ingress Controller cannot reference it`,
          ),
        );
        return;
      }
      const namespace = CLUSTER_KINDS.has(kind) ? '' : typeof meta?.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
      draft.name = name;
      draft.namespace = namespace;
      draft.id = namespace ? `${namespace}/${kind}/${name}` : `${kind}/${name}`;
      objects.push(draft);
    };
    if (root.kind === 'List' && Array.isArray(root.items)) root.items.forEach((item, i) => take(item, ['items', i]));
    else take(root, []);
  });
  return { objects, errors };
}
