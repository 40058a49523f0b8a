// decK specifics (domain.md §3.7): `${{ env "DECK_X" }}` placeholders, `_plugin_configs` + `_config`, `_info.defaults`.
// Placeholders are resolved only when decK runs, so a deciding value that contains one is unknown, never a default.
import type { PathSegment } from '../../parse/yaml';

const PLACEHOLDER = /\$\{\{\s*env\s+"[^"]*"\s*\}\}/;

/** The first decK env placeholder anywhere inside a value (strings, arrays, objects), if any. */
export function findPlaceholder(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    return m ? m[0] : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > 20) return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const p = findPlaceholder(v, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  for (const v of Object.values(value)) {
    const p = findPlaceholder(v, depth + 1);
    if (p) return p;
  }
  return undefined;
}

export function placeholderWhy(placeholder: string, what: string): string {
  return `decK env placeholder ${placeholder} decides ${what}; it is substituted only when decK runs, so cachelint cannot tell its value`;
}

/** A config value with the document path it was read from (for positions). */
export interface ConfigValue {
  value: unknown;
  path: PathSegment[];
}

/**
 * A plugin's effective config: `_plugin_configs[<_config>]` overlaid by the plugin's own `config` keys (decK: the
 * plugin's own keys win). Reads are by top-level key, which is as deep as decK merges.
 */
export class PluginConfig {
  constructor(
    private readonly own: Record<string, unknown> | undefined,
    private readonly ownPath: PathSegment[],
    private readonly shared: Record<string, unknown> | undefined,
    private readonly sharedPath: PathSegment[],
  ) {}

  get(key: string): ConfigValue | undefined {
    if (this.own && Object.prototype.hasOwnProperty.call(this.own, key))
      return { value: this.own[key], path: [...this.ownPath, key] };
    if (this.shared && Object.prototype.hasOwnProperty.call(this.shared, key))
      return { value: this.shared[key], path: [...this.sharedPath, key] };
    return undefined;
  }

  /** Nested read: `get2('add', 'headers')`; the first level may come from either source. */
  getIn(key: string, sub: string): ConfigValue | undefined {
    const top = this.get(key);
    if (!top || top.value === null || typeof top.value !== 'object' || Array.isArray(top.value)) return undefined;
    const obj = top.value as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(obj, sub)) return undefined;
    return { value: obj[sub], path: [...top.path, sub] };
  }

  /** Where the shared config came from, for details. */
  get sharedFrom(): string | undefined {
    return this.shared ? String(this.sharedPath[this.sharedPath.length - 1]) : undefined;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
