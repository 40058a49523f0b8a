"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KONG_KINDS = exports.KONG_GROUP = void 0;
exports.annotationsOf = annotationsOf;
exports.ingressClassOf = ingressClassOf;
exports.isKongObject = isKongObject;
exports.detectKongIngress = detectKongIngress;
exports.screenKongIngressText = screenKongIngressText;
// Kong Ingress Controller manifest detection on its own (no adapter code loaded), and the pre-parse screen that keeps
// unrendered Helm/Go templates away from the YAML parser.
const errors_1 = require("../../parse/errors");
const placeholders_1 = require("../kong/placeholders");
/** The API group of Kong's custom resources. */
exports.KONG_GROUP = 'configuration.konghq.com';
/** Kong's own custom resources (configuration.konghq.com). */
exports.KONG_KINDS = new Set(['KongPlugin', 'KongClusterPlugin', 'KongConsumer', 'KongConsumerGroup', 'KongIngress']);
function annotationsOf(obj) {
    const meta = obj.metadata;
    return (0, placeholders_1.isRecord)(meta) && (0, placeholders_1.isRecord)(meta.annotations) ? meta.annotations : undefined;
}
/** The ingress class an Ingress asks for (spec.ingressClassName, else the legacy annotation), if any. */
function ingressClassOf(obj) {
    const spec = obj.spec;
    if ((0, placeholders_1.isRecord)(spec) && typeof spec.ingressClassName === 'string')
        return spec.ingressClassName;
    const cls = annotationsOf(obj)?.['kubernetes.io/ingress.class'];
    return typeof cls === 'string' ? cls : undefined;
}
/** One Kubernetes object that Kong reads: a Kong CRD, anything with a konghq.com/ annotation, a Kong Ingress or HTTPRoute. */
function isKongObject(obj) {
    if (!(0, placeholders_1.isRecord)(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string')
        return false;
    if (obj.apiVersion.includes('konghq.com/') && (exports.KONG_KINDS.has(obj.kind) || obj.kind === 'KongServiceFacade'))
        return true;
    const annotations = annotationsOf(obj);
    if (annotations && Object.keys(annotations).some((k) => k.startsWith('konghq.com/')))
        return true;
    if (obj.kind === 'Ingress')
        return /kong/i.test(ingressClassOf(obj) ?? '');
    if (obj.kind === 'HTTPRoute' && (0, placeholders_1.isRecord)(obj.spec) && Array.isArray(obj.spec.rules)) {
        return obj.spec.rules.some((r) => (0, placeholders_1.isRecord)(r) && Array.isArray(r.filters) && r.filters.some((f) => (0, placeholders_1.isRecord)(f) && (0, placeholders_1.isRecord)(f.extensionRef) && f.extensionRef.group === exports.KONG_GROUP));
    }
    return false;
}
/** Does this YAML document hold Kong Ingress Controller configuration (directly or in a `kind: List`)? */
function detectKongIngress(doc) {
    const root = doc.value;
    if (!(0, placeholders_1.isRecord)(root))
        return false;
    if (root.kind === 'List' && Array.isArray(root.items))
        return root.items.some(isKongObject);
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
function screenKongIngressText(text) {
    let line = 0;
    let found;
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
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
    if (!found)
        return undefined;
    const aboutKong = /konghq\.com|(^|\n)\s*kind:\s*["']?(Ingress|HTTPRoute)\b/.test(text);
    if (aboutKong)
        return {
            problem: new errors_1.InputProblem('template', 'this file is a Helm/Go template ({{ … }}), not a manifest: render it first, e.g. `helm template <release> <chart> --output-dir rendered/`, and scan the rendered manifests', found.line, found.column),
        };
    if (/(^|\n)apiVersion:/.test(text) && /(^|\n)kind:/.test(text))
        return { skip: 'an unrendered Helm/Go template ({{ … }}) without Kong resources; render it with `helm template` to scan it' };
    return undefined;
}
