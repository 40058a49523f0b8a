// Gateway API HTTPRoute → Kong routes, the way KIC translates them (docs/platforms/kong.md#kong-ingress-controller):
// one route per rule match, served by the rule's first backend; ExtensionRef filters attach plugins to that rule.
import { ALL_METHODS, known, unknown, type Method, type Value } from '../../model';
import type { PathSegment } from '../../parse/yaml';
import type { KongRoute, KongService } from '../kong/state';
import { errorAt, isRecord, locOf, type K8sObject } from './manifests';
import { KONG_GROUP } from './detect';
import { methodsFromText, resolvePlugin, type IngressStateBuilder } from './state';

/** HTTPRoute: one route per rule match, served by the rule's first backend; ExtensionRef filters attach plugins. */
export function readHTTPRoutes(b: IngressStateBuilder): void {
  for (const o of b.objects) {
    if (o.kind !== 'HTTPRoute') continue;
    const spec = isRecord(o.obj.spec) ? o.obj.spec : {};
    const hosts = Array.isArray(spec.hostnames) ? spec.hostnames.filter((h): h is string => typeof h === 'string') : [];
    const all: KongRoute[] = [];
    const rules = Array.isArray(spec.rules) ? spec.rules : [];
    rules.forEach((rule, i) => {
      if (!isRecord(rule)) return;
      const routes = httpRouteRule(b, o, rule, i, hosts);
      extensionRefPlugins(b, o, rule, i, routes);
      all.push(...routes);
    });
    for (const p of b.pluginRefs(o)) b.relationsOf(p).routes.push(...all);
  }
}

function httpRouteRule(b: IngressStateBuilder, o: K8sObject, rule: Record<string, unknown>, i: number, hosts: string[]): KongRoute[] {
  const refs = Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
  const first = refs.findIndex((be) => isRecord(be) && typeof be.name === 'string');
  let service: KongService | undefined;
  if (first >= 0) {
    const be = refs[first] as Record<string, unknown>;
    const kind = typeof be.kind === 'string' ? be.kind : 'Service';
    const ns = typeof be.namespace === 'string' ? be.namespace : o.namespace;
    service = b.backendService(o, kind, ns, be.name as string, locOf(o, ['spec', 'rules', i, 'backendRefs', first, 'name']));
  }
  const matches = Array.isArray(rule.matches) && rule.matches.length ? rule.matches : [undefined];
  const routes: KongRoute[] = [];
  matches.forEach((m, j) => {
    const at: PathSegment[] = m === undefined ? ['spec', 'rules', i] : ['spec', 'rules', i, 'matches', j];
    const match = isRecord(m) ? m : {};
    const pathValue = isRecord(match.path) && typeof match.path.value === 'string' ? match.path.value : '/';
    let methods: Value<Method[]> = known([...ALL_METHODS]);
    if (typeof match.method === 'string') {
      const ms = methodsFromText(match.method);
      methods = ms.length
        ? known(ms)
        : unknown(`HTTPRoute match method ${JSON.stringify(match.method)} is not an HTTP method cachelint knows`, locOf(o, [...at, 'method']));
    }
    const extra: Record<string, string> = { rule: String(i), match: String(j) };
    routes.push(b.addRoute(o, pathValue, hosts.length ? hosts.join(',') : undefined, methods, service, isRecord(match.path) ? [...at, 'path'] : at, extra));
  });
  return routes;
}

/** filters[] ExtensionRef → a KongPlugin (or KongClusterPlugin) on this rule's routes. */
function extensionRefPlugins(b: IngressStateBuilder, o: K8sObject, rule: Record<string, unknown>, i: number, routes: KongRoute[]): void {
  const filters = Array.isArray(rule.filters) ? rule.filters : [];
  filters.forEach((f, k) => {
    if (!isRecord(f) || f.type !== 'ExtensionRef' || !isRecord(f.extensionRef)) return;
    const ref = f.extensionRef;
    if (ref.group !== KONG_GROUP) return;
    const kind = ref.kind === 'KongClusterPlugin' ? 'KongClusterPlugin' : 'KongPlugin';
    const name = typeof ref.name === 'string' ? ref.name : '';
    const def = resolvePlugin(b.index, o, o.namespace, name, [kind]);
    if (def) b.relationsOf(def).routes.push(...routes);
    else
      b.errors.push(
        errorAt(
          o,
          ['spec', 'rules', i, 'filters', k, 'extensionRef'],
          'unresolved-reference',
          `filter ExtensionRef on ${o.id} names ${kind} ${kind === 'KongPlugin' ? `${o.namespace}/` : ''}${name}, but no scanned file defines it: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`,
        ),
      );
  });
}
