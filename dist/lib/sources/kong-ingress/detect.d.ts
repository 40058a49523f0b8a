import { InputProblem } from '../../parse/errors';
import type { YamlDocument } from '../../parse/yaml';
/** The API group of Kong's custom resources. */
export declare const KONG_GROUP = "configuration.konghq.com";
/** Kong's own custom resources (configuration.konghq.com). */
export declare const KONG_KINDS: Set<string>;
export declare function annotationsOf(obj: Record<string, unknown>): Record<string, unknown> | undefined;
/** The ingress class an Ingress asks for (spec.ingressClassName, else the legacy annotation), if any. */
export declare function ingressClassOf(obj: Record<string, unknown>): string | undefined;
/** One Kubernetes object that Kong reads: a Kong CRD, anything with a konghq.com/ annotation, a Kong Ingress or HTTPRoute. */
export declare function isKongObject(obj: unknown): boolean;
/** Does this YAML document hold Kong Ingress Controller configuration (directly or in a `kind: List`)? */
export declare function detectKongIngress(doc: YamlDocument): boolean;
/**
 * Unrendered Helm/Go templates are not manifests: a template that is about Kong (or an Ingress/HTTPRoute Kong could
 * serve) is an error pointing at the first `{{`, so it is neither parsed by accident nor silently passed; another
 * templated Kubernetes file is skipped with that reason.
 */
export declare function screenKongIngressText(text: string): {
    problem: InputProblem;
} | {
    skip: string;
} | undefined;
