// Kong adapter units the end-to-end tests reach only indirectly: what detection rules out even with
// `_format_version`, plugin precedence bookkeeping (duplicates, combinations Kong never matches, consumer buckets),
// placeholder search depth, and the placeholder facts of plugin foreign keys and expression routes.
import { known } from '../../../lib/model';
import { parseYaml } from '../../../lib/parse/yaml';
import { kongAdapter } from '../../../lib/sources/kong';
import { readDeckState } from '../../../lib/sources/kong/deck';
import { findPlaceholder } from '../../../lib/sources/kong/placeholders';
import { PluginIndex } from '../../../lib/sources/kong/precedence';
import {
  LayeredPluginConfig,
  type KongConsumer,
  type KongConsumerGroup,
  type KongPlugin,
  type KongPluginScope,
  type KongRoute,
  type KongService,
} from '../../../lib/sources/kong/state';
import { worded } from '../../helpers/worded';
import { detect, load, yaml } from './helpers';

describe('detection', () => {
  it.each([
    'apiVersion: v1',
    'kind: Thing',
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources: {}',
    'Transform: AWS::Serverless-2016-10-31',
    'openapi: 3.0.0',
    'swagger: "2.0"',
  ])("another format's marker (%s) wins over _format_version", (marker) => expect(detect(yaml(marker, '_format_version: "3.0"', 'services: []'))).toBe(false));

  it('_info with any entity list is a decK file; lists must hold only mappings, and an empty one says nothing', () => {
    expect(detect(yaml('_info: { select_tags: [a] }', 'services:', '  - name: a'))).toBe(true);
    expect(detect(yaml('_info: { select_tags: [a] }', 'consumers: []'))).toBe(true);
    expect(detect(yaml('_info: { select_tags: [a] }'))).toBe(false);
    expect(detect(yaml('routes: []'))).toBe(false);
    expect(detect(yaml('routes:', '  - paths: [/a]', '  - just text'))).toBe(false);
    expect(detect(yaml('plugins:', '  - name: cors', '    config: {}', '  - enabled: true'))).toBe(false); // every plugin has a name
  });

  it('the adapter object: kong format, detect is detectKong', () => {
    expect(kongAdapter.format).toBe('kong');
    expect(kongAdapter.detect(parseYaml('_format_version: "3.0"\n', { tags: 'plain' }).documents[0], 'k.yaml')).toBe(true);
  });
});

describe('findPlaceholder', () => {
  it('finds the first placeholder in text, lists and mappings, down to 21 levels', () => {
    const ph = '${{ env "DECK_X" }}';
    expect(findPlaceholder(`a ${ph} b`)).toBe(ph);
    expect(findPlaceholder(['a', { b: [1, `x${ph}`] }])).toBe(ph);
    expect(findPlaceholder(['no', 'placeholder', 5, null])).toBeUndefined();
    let deep: unknown = ph;
    for (let i = 0; i < 21; i++) deep = [deep];
    expect(findPlaceholder(deep)).toBe(ph);
    expect(findPlaceholder([deep])).toBeUndefined();
    expect(findPlaceholder(5)).toBeUndefined();
  });
});

describe('placeholders that decide a scope or a route', () => {
  const text = yaml(
    '_format_version: "3.0"',
    'routes:',
    '  - name: r',
    '    paths: [/r]',
    'plugins:',
    '  - name: proxy-cache', // 6
    '    route: \'${{ env "DECK_ROUTE" }}\'',
    '  - name: key-auth',
    '    service: \'${{ env "DECK_SERVICE" }}\'',
    '  - name: response-transformer', // 10
    '    consumer: \'${{ env "DECK_CONSUMER" }}\'',
    '  - name: cors',
    '    route: \'${{ env "DECK_CORS" }}\'',
  );
  it('a relevant plugin: a CL006 fact naming the plugin, its key, what it blocks; an irrelevant one: nothing; no input error', () => {
    const { state, errors } = readDeckState('kong.yaml', parseYaml(text, { tags: 'plain' }).documents[0]);
    expect(errors).toEqual([]);
    expect(state.plugins).toEqual([]);
    const why = (v: string, what: string) =>
      `decK env placeholder \${{ env "${v}" }} decides ${what}; it is substituted only when decK runs, so cachelint cannot tell its value`;
    expect(state.facts.map(worded).map((f) => ({ ...f, at: `${f.at.line}:${f.at.column}` }))).toEqual([
      {
        kind: 'unresolved-setting',
        resource: 'proxy-cache',
        route: 'plugin proxy-cache',
        findingId: 'proxy-cache@plugins[0].route',
        at: '7:5',
        message: `The scope of plugin proxy-cache cannot be resolved: ${why('DECK_ROUTE', 'which entity it is attached to')}.`,
        blocks: ['CL001', 'CL002', 'CL004'],
        flavor: 'kong',
        platform: 'kong',
      },
      {
        kind: 'unresolved-setting',
        resource: 'key-auth',
        route: 'plugin key-auth',
        findingId: 'key-auth@plugins[1].service',
        at: '9:5',
        message: `The scope of plugin key-auth cannot be resolved: ${why('DECK_SERVICE', 'which entity it is attached to')}.`,
        blocks: ['CL004'],
        flavor: 'kong',
        platform: 'kong',
      },
      {
        kind: 'unresolved-setting',
        resource: 'response-transformer',
        route: 'plugin response-transformer',
        findingId: 'response-transformer@plugins[2].consumer',
        at: '11:5',
        message: `The scope of plugin response-transformer cannot be resolved: ${why('DECK_CONSUMER', 'which entity it is attached to')}.`,
        blocks: ['CL003'],
        flavor: 'kong',
        platform: 'kong',
      },
    ]);
  });

  it('an expression route: a placeholder or a non-string expression makes the methods unknown, paths kept or "/"', () => {
    const { endpoints } = load(
      yaml(
        '_format_version: "3.0"',
        'routes:',
        '  - name: a',
        '    expression: \'http.method == "${{ env "DECK_M" }}"\'',
        '    paths: [/a]',
        '  - name: b',
        '    expression: 5',
        '  - name: c',
        '    expression: [http.method == "GET"]',
        '    paths: [/c]',
      ),
    );
    expect(
      endpoints.map((e) => [
        e.findingId,
        e.paths,
        e.methods.known ? e.methods.value : e.methods.why,
        e.methods.known ? undefined : e.methods.at.line,
        e.details?.expression,
      ]),
    ).toEqual([
      [
        'a',
        ['/a'],
        'decK env placeholder ${{ env "DECK_M" }} decides the route expression; it is substituted only when decK runs, so cachelint cannot tell its value',
        4,
        'http.method == "${{ env "DECK_M" }}"',
      ],
      ['b', ['/'], 'route expression is 5, not a string', 7, undefined],
      ['c', ['/c'], 'route expression is ["http.method == \\"GET\\""], not a string', 9, undefined],
    ]);
  });
});

describe('PluginIndex bookkeeping', () => {
  const entity = <T>(kind: string, key: string, extra: object = {}) => ({ kind, key, label: key, at: { file: 'k', line: 1, column: 1 }, ...extra }) as T;
  const service = entity<KongService>('service', 's0');
  const other = entity<KongService>('service', 's1');
  const route = entity<KongRoute>('route', 'r0', { service, methods: known([]), paths: ['/'], findingId: 'r0' });
  const gold = entity<KongConsumerGroup>('consumer_group', 'g0');
  const alice = entity<KongConsumer>('consumer', 'c0', { groups: [gold] });
  const bob = entity<KongConsumer>('consumer', 'c1', { groups: [] });
  let n = 0;
  const plugin = (scope: KongPluginScope, enabled = true, name = 'proxy-cache'): KongPlugin => ({
    name,
    key: `p${n++}`,
    scope,
    enabled: known(enabled),
    at: { file: 'k', line: n, column: 1 },
    enabledAt: { file: 'k', line: n, column: 1 },
    config: new LayeredPluginConfig(undefined, () => ({ file: 'k', line: 1, column: 1 })),
  });

  it('a second instance of one name and scope is a duplicate: the first runs', () => {
    const first = plugin({ service });
    const second = plugin({ service });
    const index = new PluginIndex([first, second, plugin({ service }, false), plugin({ service }, false)]);
    expect(index.applied('proxy-cache', route)?.plugin).toBe(first);
    expect(index.duplicates.map((d) => d.plugin)).toEqual([second, expect.objectContaining({ enabled: known(false) })]);
    expect(index.disabledFor('proxy-cache', route)).toHaveLength(1);
    expect(index.disabledFor('cors', route)).toEqual([]);
  });

  it('consumer + consumer group is a combination Kong never matches: ignored', () => {
    const index = new PluginIndex([plugin({ consumer: alice, consumerGroup: gold })]);
    expect([index.names(), index.consumerVariants('proxy-cache', route)]).toEqual([[], []]);
  });

  it('consumer variants: bucketed by route, service or everywhere; a variant on another service does not apply; a group is looked up for its members', () => {
    const onRoute = plugin({ consumer: alice, route });
    const onOther = plugin({ consumer: bob, service: other });
    const everywhere = plugin({ consumerGroup: gold });
    const main = plugin({});
    const index = new PluginIndex([onRoute, onOther, everywhere, main]);
    expect(index.applied('proxy-cache', route)?.plugin).toBe(main);
    expect(index.consumerVariants('proxy-cache', route).map((v) => v.plugin)).toEqual([onRoute, everywhere]);
    expect(index.consumerVariants('cors', route)).toEqual([]);
    const onService = plugin({ consumer: bob, service });
    expect(new PluginIndex([onService, main]).consumerVariants('proxy-cache', route).map((v) => v.plugin)).toEqual([onService]);
    // a route without a service: only route and global shapes
    const bare = { ...route, service: undefined, key: 'r9' } as KongRoute;
    expect(new PluginIndex([plugin({ service }), main]).applied('proxy-cache', bare)?.plugin).toBe(main);
  });
});
