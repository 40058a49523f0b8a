#!/usr/bin/env node
// Deterministic Kong declarative config (decK / kong.yml, _format_version 3.0) with a known number of findings.
// Usage: node bench/gen/kong.js N > kong-N.yaml     (N services, one route each)
//        require('./kong').generate(N) → { text, expected: { cl001, spectral, ... } }
//
// Mix, by service index i (every choice is a pure function of i, so the expected counts are exact):
//   global proxy-cache              request_method [GET, HEAD]                                      safe
//   route methods                   i%3==0 [GET, POST]; i%6==1 absent (= every method); else [GET]
//   service proxy-cache (nested)    i%5==0: [GET, HEAD]; i%10==5: [GET, POST] (bad)
//   service proxy-cache (top-level) i%13==0 and i%5!=0: `service: svc-i`, [GET, POST] (bad), block-style list
//   route proxy-cache (nested)      i%7==0: [GET, HEAD, POST] when (i/7) is even, else [GET, HEAD] (shadows the service)
//   route proxy-cache (top-level)   i%11==0 and i%7!=0: `route: route-i`, [GET, POST] (bad), block-style list
//   disabled route proxy-cache      i%17==0 and no other route-level one: `enabled: false`, [POST] (look-alike)
//   cors look-alike                 i%4==2: route-level cors with methods [GET, POST]
//   proxy-cache whose request_method names only GET but whose route accepts POST: safe (i%5==0 service, POST route)
//
// Expected CL001 (cachelint): one finding per route whose effective proxy-cache (Kong precedence: enabled route-level
// instance, else service-level, else global) caches a method the route accepts that is not GET/HEAD/OPTIONS.
// Expected Spectral (bench/spectral/kong-proxy-cache-post.yaml): one per `POST` item in the request_method of an
// enabled proxy-cache plugin anywhere (Spectral cannot apply precedence or route methods).
'use strict';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];

function generate(n) {
  const out = [];
  const expected = { services: n, routes: n, cl001: 0, spectral: 0, pluginEntries: 0 };
  const spectralHits = (methods, enabled = true) => {
    expected.pluginEntries++;
    if (enabled) expected.spectral += methods.filter((m) => m === 'POST').length;
  };

  const plan = [];
  for (let i = 0; i < n; i++) {
    const routeMethods = i % 3 === 0 ? ['GET', 'POST'] : i % 6 === 1 ? null : ['GET'];
    const serviceNested = i % 10 === 5 ? ['GET', 'POST'] : i % 5 === 0 ? ['GET', 'HEAD'] : null;
    const serviceTop = i % 13 === 0 && i % 5 !== 0 ? ['GET', 'POST'] : null;
    const routeNested = i % 7 === 0 ? ((i / 7) % 2 === 0 ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD']) : null;
    const routeTop = i % 11 === 0 && i % 7 !== 0 ? ['GET', 'POST'] : null;
    const routeDisabled = i % 17 === 0 && !routeNested && !routeTop ? ['POST'] : null;
    const cors = i % 4 === 2;
    plan.push({ i, routeMethods, serviceNested, serviceTop, routeNested, routeTop, routeDisabled, cors });

    const effective = routeNested ?? routeTop ?? serviceNested ?? serviceTop ?? ['GET', 'HEAD'];
    const accepted = new Set(routeMethods ?? ALL_METHODS);
    if (effective.some((m) => UNSAFE.has(m) && accepted.has(m))) expected.cl001++;
  }

  out.push('_format_version: "3.0"');
  out.push('_transform: true');
  out.push('plugins:');
  out.push('  - name: proxy-cache        # global, safe defaults');
  out.push('    config:');
  out.push('      strategy: memory');
  out.push('      request_method: [GET, HEAD]');
  out.push('      response_code: [200, 301, 404]');
  out.push('      content_type: ["text/plain", "application/json"]');
  out.push('      cache_ttl: 300');
  spectralHits(['GET', 'HEAD']);
  const blockList = (indent, methods) => [`${indent}request_method:`, ...methods.map((m) => `${indent}  - ${m}`)];
  for (const p of plan) {
    if (p.serviceTop) {
      out.push(
        '  - name: proxy-cache',
        `    service: svc-${p.i}`,
        '    config:',
        '      strategy: memory',
        ...blockList('      ', p.serviceTop),
        '      cache_ttl: 60',
      );
      spectralHits(p.serviceTop);
    }
    if (p.routeTop) {
      out.push(
        '  - name: proxy-cache',
        `    route: route-${p.i}`,
        '    config:',
        '      strategy: memory',
        ...blockList('      ', p.routeTop),
        '      cache_ttl: 60',
      );
      spectralHits(p.routeTop);
    }
  }
  out.push('services:');
  for (const p of plan) {
    const i = p.i;
    out.push(`  - name: svc-${i}`);
    out.push(`    url: http://upstream-${i % 50}.internal:8080/v1/svc${i}`);
    out.push('    connect_timeout: 60000');
    out.push(`    tags: [team-${i % 17}, bench]`);
    if (p.serviceNested) {
      out.push('    plugins:');
      out.push('      - name: proxy-cache');
      out.push('        config:');
      out.push('          strategy: memory');
      out.push(`          request_method: [${p.serviceNested.join(', ')}]`);
      out.push('          cache_control: true');
      spectralHits(p.serviceNested);
    }
    out.push('    routes:');
    out.push(`      - name: route-${i}`);
    out.push(`        paths: ["/api/v1/svc${i}", "~/api/v2/svc${i}/(?<id>\\\\d+)$"]`);
    if (p.routeMethods) out.push(`        methods: [${p.routeMethods.join(', ')}]`);
    out.push('        strip_path: false');
    out.push('        protocols: [http, https]');
    const routePlugins = [];
    if (p.routeNested) {
      routePlugins.push(
        '          - name: proxy-cache',
        '            config:',
        '              strategy: memory',
        `              request_method: [${p.routeNested.join(', ')}]`,
        '              response_code: [200]',
        '              content_type: ["application/json"]',
      );
      spectralHits(p.routeNested);
    }
    if (p.routeDisabled) {
      routePlugins.push(
        '          - name: proxy-cache',
        '            enabled: false',
        '            config:',
        '              strategy: memory',
        `              request_method: [${p.routeDisabled.join(', ')}]`,
      );
      spectralHits(p.routeDisabled, false);
    }
    if (p.cors) {
      routePlugins.push(
        '          - name: cors',
        '            config:',
        '              origins: ["https://app.example.com"]',
        '              methods: [GET, POST]',
      );
    }
    if (routePlugins.length) out.push('        plugins:', ...routePlugins);
  }
  return { text: out.join('\n') + '\n', expected };
}

/** A one-service file with exactly one CL001 finding (and one Spectral hit): the pre-commit case. */
function small() {
  const text = [
    '_format_version: "3.0"',
    'services:',
    '  - name: orders',
    '    url: http://orders.internal:8080',
    '    routes:',
    '      - name: create-order',
    '        paths: [/orders]',
    '        methods: [POST]',
    '        plugins:',
    '          - name: proxy-cache',
    '            config:',
    '              strategy: memory',
    '              request_method: [GET, HEAD, POST]',
    '',
  ].join('\n');
  return { text, expected: { services: 1, routes: 1, cl001: 1, spectral: 1 } };
}

module.exports = { generate, small };

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  const { text, expected } = generate(n);
  process.stdout.write(text);
  process.stderr.write(JSON.stringify(expected) + '\n');
}
