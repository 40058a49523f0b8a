// Kong Ingress detection, the Helm-template screen, manifest reading and the adapter object, unit by unit: which
// Kubernetes objects are Kong's, which documents are claimed, where template errors point, how objects are named.
import { parseYaml } from '../../../lib/parse/yaml';
import kongIngressAdapter from '../../../lib/sources/kong-ingress';
import { annotationsOf, detectKongIngress, ingressClassOf, isKongObject, screenKongIngressText } from '../../../lib/sources/kong-ingress/detect';
import { annotation, label, readManifests } from '../../../lib/sources/kong-ingress/manifests';
import { docs, yaml } from './helpers';

const parse = (text: string) => parseYaml(text, { tags: 'plain' });
const doc = (value: unknown) => parse(JSON.stringify(value)).documents[0];
const plugin = { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'cache' }, plugin: 'proxy-cache' };
const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
const httpRoute = (rules: unknown) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules } });
const kongFilter = { type: 'ExtensionRef', extensionRef: { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'cache' } };
const otherFilter = { type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Thing', name: 'x' } };

describe('annotationsOf / ingressClassOf', () => {
  it('reads metadata.annotations only when both are mappings', () => {
    expect(annotationsOf({ metadata: { annotations: { a: '1' } } })).toEqual({ a: '1' });
    expect(annotationsOf({ metadata: { annotations: ['a'] } })).toBeUndefined();
    expect(annotationsOf({ metadata: 'x' })).toBeUndefined();
    expect(annotationsOf({})).toBeUndefined();
  });

  it('spec.ingressClassName first, else the kubernetes.io/ingress.class annotation; anything else is no class', () => {
    const legacy = { metadata: { annotations: { 'kubernetes.io/ingress.class': 'kong-internal' } } };
    expect(ingressClassOf({ spec: { ingressClassName: 'kong' }, ...legacy })).toBe('kong');
    expect(ingressClassOf(legacy)).toBe('kong-internal');
    expect(ingressClassOf({ spec: { ingressClassName: 7 }, ...legacy })).toBe('kong-internal');
    expect(ingressClassOf({ spec: 'kong', metadata: { annotations: { 'ingress.class': 'kong' } } })).toBeUndefined();
    expect(ingressClassOf({ metadata: { annotations: { 'kubernetes.io/ingress.class': 3 } } })).toBeUndefined();
    expect(ingressClassOf({})).toBeUndefined();
  });
});

describe('isKongObject', () => {
  it.each([
    ['a KongPlugin', plugin, true],
    ['a KongServiceFacade (incubator API group)', { apiVersion: 'incubator.konghq.com/v1alpha1', kind: 'KongServiceFacade', metadata: { name: 'f' } }, true],
    ["a kind named like Kong's under another API group", { ...plugin, apiVersion: 'example.com/v1' }, false],
    ['another kind in a konghq.com group', { apiVersion: 'configuration.konghq.com/v1', kind: 'TCPIngress', metadata: { name: 't' } }, false],
    [
      'any object with a konghq.com/ annotation among others',
      { ...deployment, metadata: { name: 'web', annotations: { team: 'a', 'konghq.com/plugins': 'cache' } } },
      true,
    ],
    [
      'an annotation that only mentions konghq.com/ later in its key',
      { ...deployment, metadata: { name: 'web', annotations: { 'x.konghq.com/y': '1', other: 'konghq.com/' } } },
      false,
    ],
    ['an Ingress of class kong', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { ingressClassName: 'Kong-public' } }, true],
    ['an Ingress of class nginx', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { ingressClassName: 'nginx' } }, false],
    ['an Ingress with no class', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: {} }, false],
    ['an HTTPRoute whose second rule has a Kong filter after another', httpRoute([{ filters: [otherFilter] }, { filters: [otherFilter, kongFilter] }]), true],
    [
      'an HTTPRoute with only other filters',
      httpRoute([{ filters: [otherFilter] }, 'junk', { filters: 'x' }, { filters: [null, { extensionRef: 'x' }] }]),
      false,
    ],
    ['an HTTPRoute whose rules are not a list', httpRoute({ filters: [kongFilter] }), false],
    ['an HTTPRoute without spec', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' } }, false],
    ['another kind with HTTPRoute-like rules', { ...httpRoute([{ filters: [kongFilter] }]), kind: 'GRPCRoute' }, false],
    ['a Deployment', deployment, false],
    ['no apiVersion', { kind: 'KongPlugin', metadata: { name: 'x' } }, false],
    ['a kind that is not text', { apiVersion: 'configuration.konghq.com/v1', kind: 7 }, false],
    ['null', null, false],
    ['a list', [plugin], false],
  ])('%s → %s', (_what, obj, expected) => {
    expect(isKongObject(obj)).toBe(expected);
  });
});

describe('detectKongIngress', () => {
  it('claims a Kong object, or a List holding one among others; nothing else', () => {
    expect(detectKongIngress(doc(plugin))).toBe(true);
    expect(detectKongIngress(doc({ apiVersion: 'v1', kind: 'List', items: [deployment, plugin] }))).toBe(true);
    expect(detectKongIngress(doc({ apiVersion: 'v1', kind: 'List', items: [deployment] }))).toBe(false);
    expect(detectKongIngress(doc({ apiVersion: 'v1', kind: 'List', items: 'x' }))).toBe(false);
    // items only count in a List
    expect(detectKongIngress(doc({ ...deployment, items: [plugin] }))).toBe(false);
    expect(detectKongIngress(doc([plugin]))).toBe(false);
    expect(detectKongIngress(doc('kind: KongPlugin'))).toBe(false);
  });
});

describe('screenKongIngressText', () => {
  const at = (text: string) => {
    const r = screenKongIngressText(text);
    return r && 'problem' in r ? [r.problem.code, r.problem.line, r.problem.column] : r;
  };

  it('points at the first {{ of a Kong template, line and column, even after an empty first line', () => {
    expect(at('\nmetadata:\n  name: {{ .Values.name }}\nkind: Ingress\n')).toEqual(['template', 3, 9]);
    const r = screenKongIngressText('apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nplugin: {{ .Values.plugin }}');
    expect(r && 'problem' in r && r.problem.message).toBe(
      'this file is a Helm/Go template ({{ … }}), not a manifest: render it first, e.g. `helm template <release> <chart> --output-dir rendered/`, and scan the rendered manifests',
    );
  });

  it('skips comment lines, indented or not, but not a template before a trailing comment', () => {
    expect(at('kind: Ingress\n  # name: {{ .Values.name }}\n# {{ .Values.x }}\n')).toBeUndefined();
    expect(at('kind: Ingress\nname: {{ .Values.name }} # the release name\n')).toEqual(['template', 2, 7]);
  });

  it.each([
    ['kind on the first line', 'kind: Ingress\nmetadata:\n  name: {{ .Values.name }}\n'],
    ['an indented kind', 'items:\n  - apiVersion: v1\n  kind: HTTPRoute\n  name: {{ .Values.name }}\n'],
    ['two spaces after kind:', 'kind:  Ingress\nname: {{ .Values.name }}\n'],
    ['a quoted kind', 'kind: "HTTPRoute"\nname: {{ .Values.name }}\n'],
    ['a konghq.com reference', 'metadata:\n  annotations:\n    konghq.com/plugins: {{ .Values.plugins }}\n'],
  ])('a template about Kong (%s) is an error', (_what, text) => {
    expect(at(text)).toEqual(['template', expect.any(Number), expect.any(Number)]);
  });

  it('another templated manifest is skipped with the reason; a templated non-manifest is not ours to judge', () => {
    const skip = { skip: 'an unrendered Helm/Go template ({{ … }}) without Kong resources; render it with `helm template` to scan it' };
    expect(screenKongIngressText('kind: ConfigMap\napiVersion: v1\ndata: {{ .Values.x }}\n')).toEqual(skip);
    expect(screenKongIngressText('apiVersion: v1\nkind: Secret\ndata: {{ .Values.x }}\n')).toEqual(skip);
    expect(screenKongIngressText('apiVersion: v1\ndata: {{ .Values.x }}\n')).toBeUndefined();
    expect(screenKongIngressText('kind: Secret\ndata: {{ .Values.x }}\n')).toBeUndefined();
    expect(screenKongIngressText('kind: Ingress\nname: web\n')).toBeUndefined();
  });
});

describe('readManifests', () => {
  const read = (text: string) => readManifests('m.yaml', parse(text));

  it('reads the kinds Kong uses, named namespace/Kind/name; cluster plugins have no namespace; the default namespace is default', () => {
    const text = docs(
      yaml('apiVersion: v1', 'kind: Service', 'metadata: { name: orders, namespace: shop }'),
      yaml('apiVersion: incubator.konghq.com/v1alpha1', 'kind: KongServiceFacade', 'metadata: { name: facade }'),
      yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: { name: r, namespace: "" }'),
      yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongClusterPlugin', 'metadata: { name: global-cache, namespace: kong }', 'plugin: proxy-cache'),
      yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: web }'),
      yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: { name: other, namespace: 7 }', 'spec: { ingressClassName: nginx }'),
      yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: { name: unclassed, namespace: 7 }'),
    );
    const { objects, errors } = read(text);
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.id, o.kind, o.name, o.namespace, o.document])).toEqual([
      ['shop/Service/orders', 'Service', 'orders', 'shop', 1],
      ['default/KongServiceFacade/facade', 'KongServiceFacade', 'facade', 'default', 2],
      ['default/HTTPRoute/r', 'HTTPRoute', 'r', 'default', 3],
      ['KongClusterPlugin/global-cache', 'KongClusterPlugin', 'global-cache', '', 4],
      // an Ingress without a class is read (Kong may be the default class); another controller's is not
      ['default/Ingress/unclassed', 'Ingress', 'unclassed', 'default', 7],
    ]);
  });

  it('an object without metadata.name is a located error naming its kind and document', () => {
    const text = docs(
      yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongPlugin', 'plugin: proxy-cache'),
      yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: ""'),
    );
    const { objects, errors } = read(text);
    expect(objects).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'm.yaml',
        line: 1,
        column: 1,
        code: 'invalid-manifest',
        message: 'KongPlugin in YAML document 1 has no metadata.name: Kong Ingress Controller cannot reference it',
      },
      {
        file: 'm.yaml',
        line: 7,
        column: 1,
        code: 'invalid-manifest',
        message: 'Service in YAML document 2 has no metadata.name: Kong Ingress Controller cannot reference it',
      },
    ]);
  });

  it('a List is read item by item (null items ignored, located at items[i]); items outside a List are not', () => {
    const text = yaml('apiVersion: v1', 'kind: List', 'items:', '  - null', '  - apiVersion: v1', '    kind: Service', '    metadata: { name: a }');
    const { objects } = read(text);
    expect(objects.map((o) => [o.id, o.base])).toEqual([['default/Service/a', ['items', 1]]]);
    expect(
      read(
        yaml('apiVersion: v1', 'kind: Service', 'metadata: { name: b }', 'items:', '  - { apiVersion: v1, kind: Service, metadata: { name: c } }'),
      ).objects.map((o) => o.id),
    ).toEqual(['default/Service/b']);
    expect(read('---\n---\n- 1\n').objects).toEqual([]);
  });

  it('annotation() and label() read scalars as text and nothing else', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      '  annotations: { text: "x", number: 5, flag: true, list: [1], nothing: null }',
      '  labels: { global: true, count: 2, empty: null }',
    );
    const [o] = read(text).objects;
    expect(['text', 'number', 'flag', 'list', 'nothing', 'absent'].map((k) => annotation(o, k))).toEqual(['x', '5', 'true', undefined, undefined, undefined]);
    expect(['global', 'count', 'empty', 'absent'].map((k) => label(o, k))).toEqual(['true', '2', undefined, undefined]);
  });
});

describe('the adapter object', () => {
  const text = docs(
    yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongPlugin', 'metadata: { name: cache, namespace: shop }', 'plugin: proxy-cache'),
    yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: { name: web, namespace: shop }',
      'spec:',
      '  ingressClassName: kong',
      '  defaultBackend: { service: { name: web } }',
    ),
  );

  it('is the kong-ingress format, and its hooks are the module functions', () => {
    expect(kongIngressAdapter.format).toBe('kong-ingress');
    expect(kongIngressAdapter.detect(parse(text).documents[0], 'm.yaml')).toBe(true);
    expect(kongIngressAdapter.screenText?.('kind: Ingress\nname: {{ .Values.x }}\n')).toMatchObject({ problem: { line: 2, column: 7 } });
    const out = kongIngressAdapter.toModels({ file: 'm.yaml', parsed: parse(text) });
    expect(out.errors).toEqual([]);
    expect(out.models.map((m) => [m.file, m.endpoints.map((e) => e.findingId)])).toEqual([['m.yaml', ['Ingress shop/web /']]]);
  });

  it('together: no input is no model; a file without routes still gets its (empty) model', () => {
    expect(kongIngressAdapter.toModelsTogether!([])).toEqual({ models: [], errors: [] });
    const onlyPlugin = docs(yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongPlugin', 'metadata: { name: c }', 'plugin: cors'));
    expect(kongIngressAdapter.toModelsTogether!([{ file: 'p.yaml', parsed: parse(onlyPlugin) }])).toEqual({
      models: [{ file: 'p.yaml', endpoints: [], facts: [] }],
      errors: [],
    });
  });

  it('a file that breaks the reader is an internal error for that file, and the others are still read', () => {
    const broken = { text: '', lines: undefined, documents: null } as unknown as ReturnType<typeof parse>;
    const out = kongIngressAdapter.toModelsTogether!([
      { file: 'bad.yaml', parsed: broken },
      { file: 'm.yaml', parsed: parse(text) },
    ]);
    expect(out.errors).toEqual([
      { file: 'bad.yaml', code: 'internal', message: expect.stringMatching(/^internal error while reading this file: .*null.* \(please report it\)$/) },
    ]);
    expect(out.models.find((m) => m.file === 'm.yaml')?.endpoints).toHaveLength(1);
  });
});
