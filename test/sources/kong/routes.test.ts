// Route methods: absent/empty = all; expression routes read conservatively; unreadable → unknown (CL006).
import { methodsFromExpression } from '../../../lib/sources/kong/routes';
import { load, yaml } from './helpers';

describe('route methods', () => {
  it('absent, null or empty = all seven methods ("ANY")', () => {
    const { endpoints } = load(yaml('_format_version: "3.0"', 'routes:', '  - name: a', '  - name: b', '    methods: []', '  - name: c', '    methods:', '    paths: [/c]'));
    for (const e of endpoints) expect(e.methods).toEqual({ known: true, value: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] });
    expect(endpoints.map((e) => e.route)).toEqual(['ANY /', 'ANY /', 'ANY /c']);
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

  it.each([
    'lower(http.method) == "post"',
    'http.method == "POST" &&',
    'http.method in ["POST"]',
    'http.method == "POST',
  ])('unreadable: %s', (expr) => {
    expect(methodsFromExpression(expr).ok).toBe(false);
  });

  it('in a file: known POST with the path from the expression; unreadable → unknown at the expression line', () => {
    const { byName } = load(yaml(
      '_format_version: "3.0"', //                                                  1
      'routes:', //                                                                 2
      '  - name: hooks', //                                                         3
      '    expression: http.method == "POST" && http.path ^= "/webhooks/stripe"', // 4
      '  - name: odd', //                                                           5
      '    expression: lower(http.method) == "post"', //                            6
    ));
    expect(byName('hooks').methods).toEqual({ known: true, value: ['POST'] });
    expect(byName('hooks').route).toBe('POST /webhooks/stripe');
    const odd = byName('odd').methods;
    expect(odd).toMatchObject({ known: false, at: { line: 6 } });
    if (!odd.known) expect(odd.why).toContain('lower(http.method)');
  });
});
