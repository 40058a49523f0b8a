// A readable text form of what an adapter made of a file (endpoints, cache layers, facts, suppressions), for golden
// tests: every name, value, reason and position the rules and the remediation text read.
import type { Model } from '../../lib/model';
import { worded } from './worded';

const isLocation = (v: object): v is { line: number; column: number } =>
  'file' in v && typeof (v as { file: unknown }).file === 'string' && typeof (v as { line?: unknown }).line === 'number';

/** Locations (plain or lazy) become `line:column`; Values become their value or `unknown(why) @line:column`. */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  if (isLocation(v)) return `@${v.line}:${v.column}`;
  const o = v as Record<string, unknown>;
  if (o.known === true && 'value' in o && Object.keys(o).length === 2) return o.value === undefined ? '(none)' : plain(o.value);
  if (o.known === false && 'why' in o) return `unknown(${String(o.why)}) ${plain(o.at)}`;
  const out: Record<string, unknown> = {};
  // fixTargets are --fix plumbing (value paths), pinned by test/fix/golden.test.ts, not part of the reading.
  for (const [k, x] of Object.entries(o)) if (x !== undefined && typeof x !== 'function' && k !== 'fixTargets') out[k] = plain(x);
  return out;
}

/** The model as indented JSON, lists of scalars on one line; the model's own file name is left out. */
export function dumpModel(model: Model): string {
  const { file: _file, ...rest } = model;
  const readable = { ...rest, facts: rest.facts.map(worded) };
  return JSON.stringify(plain(readable), null, 2).replace(
    /\[\s*\n([^[\]{}]*?)\n\s*\]/g,
    (_m, items: string) =>
      `[${items
        .trim()
        .split(/,\s*\n\s*/)
        .join(', ')}]`,
  );
}
