// Route methods: absent/empty = all; expression routes read conservatively; unreadable → unknown (CL006).
import { methodsFromExpression, methodsFromList, routeText } from '../../../lib/sources/kong/routes';
import { load, yaml } from './helpers';
import { evaluate } from '../../../lib/engine';

describe('route methods', () => {
  it('absent, null or empty = all seven methods ("ANY")', () => {
    const { endpoints } = load(
      yaml('_format_version: "3.0"', 'routes:', '  - name: a', '  - name: b', '    methods: []', '  - name: c', '    methods:', '    paths: [/c]'),
    );
    for (const e of endpoints) expect(e.methods).toEqual({ known: true, value: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] });
    expect(endpoints.map((e) => e.route)).toEqual(['ANY /', 'ANY /', 'ANY /c']);
  });

  it('methodsFromList: undefined and null are all methods; a non-list is a reason', () => {
    for (const list of [undefined, null, []])
      expect(methodsFromList(list)).toEqual({ ok: true, methods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'], ignored: [] });
    expect(methodsFromList('POST')).toEqual({ ok: false, why: 'route methods must be a list, found "POST"' });
  });

  it('a non-list methods value is unknown, not "all"', () => {
    const { byName } = load(yaml('_format_version: "3.0"', 'routes:', '  - name: a', '    methods: POST'));
    expect(byName('a').methods).toMatchObject({ known: false, at: { line: 4 } });
  });
});

describe('expression routes', () => {
  it.each([
    ['http.method == "POST" && http.path ^= "/webhooks"', ['POST']],
    ['http.method == "GET" || http.method == "HEAD"', ['GET', 'HEAD']],
    ['(http.method == "GET" || http.method == "POST") && http.host == "api.example.com"', ['GET', 'POST']],
    ['!(http.method == "GET" || http.method == "HEAD")', ['OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['http.method != "GET"', ['HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['http.path ^= "/api"', ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']],
    // A negated non-method predicate may still be true for every method: stay conservative.
    ['!(http.path ^= "/health") && http.method ~ "^P"', ['POST', 'PUT', 'PATCH']],
    ['http.method == r#"DELETE"#', ['DELETE']],
    ['http.method == "GET" && http.method == "POST"', []],
  ])('%s', (expr, methods) => {
    expect(methodsFromExpression(expr)).toMatchObject({ ok: true, methods });
  });

  it.each(['lower(http.method) == "post"', 'http.method == "POST" &&', 'http.method in ["POST"]', 'http.method == "POST'])('unreadable: %s', (expr) => {
    expect(methodsFromExpression(expr).ok).toBe(false);
  });

  it('in a file: known POST with the path from the expression; unreadable → unknown at the expression line', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"', //                                                  1
        'routes:', //                                                                 2
        '  - name: hooks', //                                                         3
        '    expression: http.method == "POST" && http.path ^= "/webhooks/stripe"', // 4
        '  - name: odd', //                                                           5
        '    expression: lower(http.method) == "post"', //                            6
      ),
    );
    expect(byName('hooks').methods).toEqual({ known: true, value: ['POST'] });
    expect(byName('hooks').route).toBe('POST /webhooks/stripe');
    const odd = byName('odd').methods;
    expect(odd).toMatchObject({ known: false, at: { line: 6 } });
    if (!odd.known) expect(odd.why).toContain('lower(http.method)');
  });
});

describe('expression routes: every operator, and the exact reason when unreadable', () => {
  const ANY = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
  it.each<[string, string[], string[]]>([
    ['http.method =^ "T"', ['GET', 'POST', 'PUT'], []],
    ['http.method contains "AT"', ['PATCH'], []],
    ['http.method ^= "P"', ['POST', 'PUT', 'PATCH'], []],
    ['http.method ~ "E"', ['GET', 'HEAD', 'DELETE'], []],
    ['!(http.method == "GET") && !(http.method != "POST")', ['POST'], []],
    ['!!(http.method == "PUT")', ['PUT'], []],
    ['http.method == "POST" || http.path == "/x"', ANY, ['/x']],
    ['(http.path == "/a" && http.method == "GET") || (http.path ^= "/b" && http.method == "HEAD")', ['GET', 'HEAD'], ['/a', '/b']],
    ['http.path =^ "/c" && http.path ~ "/d" && http.method == "GET"', ['GET'], []],
    ['http.path == r##"/raw"## && http.method == "GET"', ['GET'], ['/raw']],
    ['http.headers.x_a == "\\"q\\"" && net.port == 8443 && http.method == "GET"', ['GET'], []],
    ['net.src.ip in 10.0.0.0/8 && http.method == "GET"', ['GET'], []],
    ['http.path not in "/x" && http.method == "GET"', ['GET'], []],
    ['http.queries.a >= "1" && http.queries.b <= "2" && http.queries.c > "0" && http.queries.d < "3" && http.method == "GET"', ['GET'], []],
    ['(http.method == "TRACE")', [], []],
    // every method operator is exact, so its negation is the complement
    ['!(http.method ^= "P")', ['GET', 'HEAD', 'OPTIONS', 'DELETE'], []],
    ['!(http.method =^ "T")', ['HEAD', 'OPTIONS', 'PATCH', 'DELETE'], []],
    ['!(http.method contains "E")', ['OPTIONS', 'POST', 'PUT', 'PATCH'], []],
    ['!(http.method ~ "^(GET|HEAD)$")', ['OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'], []],
    ['!(http.method == "GET" && http.method == "GET")', ['HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'], []],
    ['http.method == "P\\OST"', ['POST'], []],
  ])('%s', (expr, methods, paths) => {
    expect(methodsFromExpression(expr)).toEqual({ ok: true, methods, paths });
  });

  it.each([
    ['lower(http.method) == "post"', 'cannot read the predicate near "lower ( http.method"'],
    ['http.method == "POST" &&', 'unexpected end'],
    ['http.method == "POST', 'unterminated string'],
    ['http.method == "\\"', 'unterminated string'], // the backslash escapes the closing quote
    ['http.method == r#"POST"', 'unterminated raw string'],
    ['http.method == "POST" @', 'unexpected character "@"'],
    ['(http.method == "GET"', 'missing )'],
    ['http.method == "GET")', 'unexpected )'],
    ['http.method == 5', 'http.method compared with 5'],
    ['http.method == GET', 'http.method compared with GET'],
    ['http.method in "GET"', 'http.method in is not an operator cachelint reads'],
    ['http.method ~ "("', 'http.method ~ "(" is not a regular expression cachelint can read'],
    ['!(http.path == "/a") || http.method', 'cannot read the predicate near "http.method"'],
    ['http.method == "GET" && && http.method == "POST"', 'cannot read the predicate near "&& http.method =="'],
    ['|| http.method == "GET"', 'cannot read the predicate near "|| http.method =="'],
  ])('unreadable: %s', (expr, why) => {
    expect(methodsFromExpression(expr)).toEqual({ ok: false, why: `cannot read route expression ${JSON.stringify(expr)}: ${why}` });
  });

  it('a negated predicate on something else than the method is never exact: all methods', () => {
    expect(methodsFromExpression('!(http.path == "/a" && http.method == "GET")')).toEqual({ ok: true, methods: ANY, paths: ['/a'] });
  });
});

describe('methodsFromList and routeText', () => {
  it('reads upper or lower case, trims, keeps the model order and lists the verbs it has no name for', () => {
    expect(methodsFromList([' post', 'GET', 'TRACE', 'get', 'CONNECT'])).toEqual({ ok: true, methods: ['GET', 'POST'], ignored: ['TRACE', 'CONNECT'] });
    expect(methodsFromList(null)).toEqual({ ok: true, methods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'], ignored: [] });
    expect(methodsFromList('POST')).toEqual({ ok: false, why: 'route methods must be a list, found "POST"' });
    expect(methodsFromList(['GET', 5])).toEqual({ ok: false, why: 'route method 5 is not a string' });
  });

  it('routeText: ANY for all, (no method) for none, (methods unknown) when unknown', () => {
    expect([
      routeText(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'], ['/a']),
      routeText([], ['/a', '/b']),
      routeText(undefined, ['/']),
      routeText(['POST', 'PUT'], ['/x']),
    ]).toEqual(['ANY /a', '(no method) /a,/b', '(methods unknown) /', 'POST,PUT /x']);
  });
});

describe('regex paths and webhook path patterns', () => {
  const kong = (path: string) =>
    load(
      yaml(
        '_format_version: "3.0"',
        'services:',
        '  - name: s',
        '    url: http://s',
        '    routes:',
        '      - name: r',
        '        methods: [POST]',
        `        paths: ["${path}"]`,
      ),
    );
  const cl003 = (path: string) => evaluate([kong(path).model]).filter((f) => f.ruleId === 'CL003');

  it('a Kong 3.x regex path (~) is matched against webhook patterns without its ~, and kept as written', () => {
    const { byName } = kong('~/webhooks/stripe$');
    expect(byName('r')).toMatchObject({ paths: ['~/webhooks/stripe$'], matchPaths: ['/webhooks/stripe$'], route: 'POST ~/webhooks/stripe$' });
    expect(cl003('~/webhooks/stripe$')).toHaveLength(1);
  });

  it('look-alikes: a plain webhook path needs no matchPaths; a regex path that is no webhook gives no finding', () => {
    expect(kong('/webhooks/stripe').byName('r').matchPaths).toBeUndefined();
    expect(cl003('/webhooks/stripe')).toHaveLength(1);
    expect(cl003('~/orders/\\\\d+$')).toEqual([]);
  });
});
