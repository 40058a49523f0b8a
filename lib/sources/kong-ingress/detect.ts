// Kong Ingress Controller manifest detection on its own (no adapter code loaded), and the pre-parse screen that keeps
// unrendered Helm/Go templates away from the YAML parser.
import { InputProblem } from '../../parse/errors';
import type { YamlDocument } from '../../parse/yaml';
import { isRecord } from '../kong/placeholders';

/** The API group of Kong's custom resources. */
export const KONG_GROUP = 'configuration.konghq.com';

/** Kong's own custom resources (configuration.konghq.com). */
export const KONG_KINDS = new Set(['KongPlugin', 'KongClusterPlugin', 'KongConsumer', 'KongConsumerGroup', 'KongIngress']);

export function annotationsOf(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const meta = obj.metadata;
  return isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : undefined;
}

/** The ingress class an Ingress asks for (spec.ingressClassName, else the legacy annotation), if any. */
export function ingressClassOf(obj: Record<string, unknown>): string | undefined {
  const spec = obj.spec;
  if (isRecord(spec) && typeof spec.ingressClassName === 'string') return spec.ingressClassName;
  const cls = annotationsOf(obj)?.['kubernetes.io/ingress.class'];
  return typeof cls === 'string' ? cls : undefined;
}

/** One Kubernetes object that Kong reads: a Kong CRD, anything with a konghq.com/ annotation, a Kong Ingress or HTTPRoute. */
export function isKongObject(obj: unknown): boolean {
  if (!isRecord(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') return false;
  if (obj.apiVersion.includes('konghq.com/') && (KONG_KINDS.has(obj.kind) || obj.kind === 'KongServiceFacade')) return true;
  const annotations = annotationsOf(obj);
  if (annotations && Object.keys(annotations).some((k) => k.startsWith('konghq.com/'))) return true;
  if (obj.kind === 'Ingress') return /kong/i.test(ingressClassOf(obj) ?? '');
  if (obj.kind === 'HTTPRoute' && isRecord(obj.spec) && Array.isArray(obj.spec.rules)) {
    return obj.spec.rules.some(
      (r) => isRecord(r) && Array.isArray(r.filters) && r.filters.some((f) => isRecord(f) && isRecord(f.extensionRef) && f.extensionRef.group === KONG_GROUP),
    );
  }
  return false;
}

/** Does this YAML document hold Kong Ingress Controller configuration (directly or in a `kind: List`)? */
export function detectKongIngress(doc: YamlDocument): boolean {
  const root = doc.value;
  if (!isRecord(root)) return false;
  if (root.kind === 'List' && Array.isArray(root.items)) return root.items.some(isKongObject);
  return isKongObject(root);
}

// Go template actions as Helm writes them: `{{ .Values.x }}`, `{{- include "x" . }}`, `{{ if ... }}`, `{{/* c */}}`.
// Not decK's `${{ env "DECK_X" }}` (preceded by `$`) and not CloudFormation's `{{resolve:ssm:...}}`.
const GO_TEMPLATE = /(?<!\$)\{\{-?\s*(?!resolve:)[.$a-zA-Z/"(]/;

/**
 * Unrendered Helm/Go templates are not manifests: a template that is about Kong (or an Ingress/HTTPRoute Kong could
 * serve) is an error pointing at the first `{{`, so it is neither parsed by accident nor silently passed; another
 * templated Kubernetes file is skipped with that reason.
 */
export function screenKongIngressText(text: string): { problem: InputProblem } | { skip: string } | undefined {
  let line = 0;
  let found: { line: number; column: number } | undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const l = text.slice(start, end);
    if (!/^\s*#/.test(l)) {
      const m = GO_TEMPLATE.exec(l);
      if (m) {
        found = { line, column: m.index + 1 };
        break;
      }
    }
    start = end + 1;
  }
  if (!found) return undefined;
  const aboutKong = /konghq\.com|(^|\n)\s*kind:\s*["']?(Ingress|HTTPRoute)\b/.test(text);
  if (aboutKong)
    return {
      problem: new InputProblem(
        'template',
        'this file is a Helm/Go template ({{ … }}), not a manifest: render it first, e.g. `helm template <release> <chart> --output-dir rendered/`, and scan the rendered manifests',
        found.line,
        found.column,
      ),
    };
  if (/(^|\n)apiVersion:/.test(text) && /(^|\n)kind:/.test(text))
    return { skip: 'an unrendered Helm/Go template ({{ … }}) without Kong resources; render it with `helm template` to scan it' };
  return undefined;
}
