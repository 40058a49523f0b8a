// Test helpers for the Kong Ingress adapter: manifests written to a temporary folder and scanned with the real engine
// (detection, the cross-file step and the rules all run).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scan } from '../../../lib/engine';
import type { Endpoint } from '../../../lib/model';

/** Joins lines so tests can pin line numbers by reading the literal. */
export const yaml = (...lines: string[]) => lines.join('\n') + '\n';

/** Scans `files` (name → text) in a fresh folder; `paths` default to the whole folder. */
export function scanFiles(files: Record<string, string>, paths: string[] = ['.']) {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-kic-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const result = scan(paths, { cwd: dir });
    const endpoints = (result.models ?? []).flatMap((m) => m.endpoints);
    const byId = (id: string): Endpoint => {
      const e = endpoints.find((x) => x.findingId === id);
      if (!e) throw new Error(`no endpoint ${id} in ${endpoints.map((x) => x.findingId).join(', ')}`);
      return e;
    };
    /** [ruleId, findingId, file, line] of every unsuppressed finding. */
    const hits = result.findings.filter((f) => !f.suppressed).map((f) => [f.ruleId, f.findingId, f.file, f.line] as const);
    /** [ruleId, findingId, file, line, routes] of every unsuppressed finding: one per setting, its routes as data. */
    const routed = result.findings.filter((f) => !f.suppressed).map((f) => [f.ruleId, f.findingId, f.file, f.line, f.routes] as const);
    return { result, endpoints, byId, hits, routed, errors: result.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Building blocks. Each returns one YAML document (no leading `---`).
export const kongPlugin = (name: string, plugin: string, config: string[] = [], extra: string[] = [], ns = 'shop') =>
  yaml(
    'apiVersion: configuration.konghq.com/v1',
    'kind: KongPlugin',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    ...extra,
    `plugin: ${plugin}`,
    ...(config.length ? ['config:', ...config.map((c) => `  ${c}`)] : []),
  );

export const ingress = (name: string, path: string, service: string, annotations: string[] = [], ns = 'shop') =>
  yaml(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    ...(annotations.length ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  ingressClassName: kong',
    '  rules:',
    '    - http:',
    '        paths:',
    `          - path: ${path}`,
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    `                name: ${service}`,
    '                port:',
    '                  number: 80',
  );

export const service = (name: string, annotations: string[] = [], ns = 'shop') =>
  yaml(
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    ...(annotations.length ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  ports:',
    '    - port: 80',
  );

export const docs = (...d: string[]) => d.join('---\n');
