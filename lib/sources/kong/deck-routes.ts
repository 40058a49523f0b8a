// A decK route's methods and paths, after `_info.defaults.route` (deck.ts reads the rest of the route).
import type { Method, SourceLocation, Value } from '../../model';
import { ALL_METHODS, known, unknown } from '../../model';
import type { PathSegment } from '../../parse/yaml';
import { findPlaceholder, placeholderWhy } from './placeholders';
import { methodsFromExpression, methodsFromList } from './routes';

export /** The route's methods and paths after decK defaults; expression routes are read conservatively (routes.ts). */
function routeMethods(
  r: Record<string, unknown>,
  routePath: PathSegment[],
  defaults: Record<string, unknown> | undefined,
  locate: (path: readonly PathSegment[]) => SourceLocation,
): { methods: Value<Method[]>; paths: string[]; expression?: string } {
  const present = (o: Record<string, unknown> | undefined, k: string) => o !== undefined && o[k] !== undefined && o[k] !== null;
  // A route's own field wins over the decK default; the location is wherever the deciding value is written.
  const pick = (k: string): { value: unknown; own: boolean; k: string } | undefined =>
    present(r, k) ? { value: r[k], own: true, k } : present(defaults, k) ? { value: defaults![k], own: false, k } : undefined;
  // Paths only for the few values that end up located (placeholders, unreadable expressions and lists).
  const at = (p: { own: boolean; k: string }) => locate(p.own ? [...routePath, p.k] : ['_info', 'defaults', 'route', p.k]);

  const rawPaths = pick('paths');
  let paths = Array.isArray(rawPaths?.value) ? (rawPaths.value as unknown[]).map(String) : [];

  const expr = pick('expression');
  if (expr) {
    const ph = findPlaceholder(expr.value);
    if (ph)
      return { methods: unknown(placeholderWhy(ph, 'the route expression'), at(expr)), paths: paths.length ? paths : ['/'], expression: String(expr.value) };
    if (typeof expr.value !== 'string')
      return { methods: unknown(`route expression is ${JSON.stringify(expr.value)}, not a string`, at(expr)), paths: paths.length ? paths : ['/'] };
    const res = methodsFromExpression(expr.value);
    if (!res.ok) return { methods: unknown(res.why, at(expr)), paths: paths.length ? paths : ['/'], expression: expr.value };
    if (!paths.length) paths = res.paths;
    return { methods: known(res.methods), paths: paths.length ? paths : ['/'], expression: expr.value };
  }

  if (!paths.length) paths = ['/'];
  // Stream routes (tcp, tls, udp, tls_passthrough) carry no HTTP method, and HTTP caching plugins never run on them.
  const protocols = pick('protocols');
  if (Array.isArray(protocols?.value) && protocols.value.length && !protocols.value.some((p) => /^(http|https|grpc|grpcs|ws|wss)$/i.test(String(p))))
    return { methods: known<Method[]>([]), paths };
  const m = pick('methods');
  if (!m) return { methods: known<Method[]>([...ALL_METHODS]), paths }; // absent = all methods (docs/platforms/kong.md#declarative-config)
  const ph = findPlaceholder(m.value);
  if (ph) return { methods: unknown(placeholderWhy(ph, 'the route methods'), at(m)), paths };
  const res = methodsFromList(m.value);
  if (!res.ok) return { methods: unknown(res.why, at(m)), paths };
  return { methods: known(res.methods), paths };
}
