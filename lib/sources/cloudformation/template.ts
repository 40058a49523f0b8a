// Shared reading context for one template: where things are (TemplateLocator), what they resolve to (Resolver),
// and the facts collected on the way. The API Gateway, SAM and CloudFront readers all work through it.
import type { ConfigFact, Flavor, SourceLocation, Value, ValuePath } from '../../model';
import { known, unknown } from '../../model';
import { NO_VALUE, Resolver, isIntrinsic, type Resolved } from './intrinsics';

export type TemplatePath = readonly (string | number)[];

/**
 * Where a template value is, for findings. The CLI answers with file lines (from the YAML/JSON document); the CDK
 * integration answers with construct paths (no file lines exist for a Stack resolved in memory).
 */
export interface TemplateLocator {
  /** Location of the value at `path` from the template root, e.g. ['Resources', 'Stage', 'Properties', 'MethodSettings', 0]. */
  locate(path: TemplatePath): SourceLocation;
}

/** One side of an `Fn::If` whose condition cannot be resolved statically. */
export interface Branch {
  name: string;
  /** true: the value-if-true branch. */
  branch: boolean;
  /** Why the condition is unknown, with what parameter defaults would make it. */
  why: string;
}

export interface Item {
  value: unknown;
  path: TemplatePath;
  /** Present only under an unresolvable Fn::If. */
  condition?: Branch;
  /** The item is an expression that cannot be resolved (value undefined). */
  unresolved?: string;
}

/** "applies only when condition C is true (C depends on parameter Env ...)": for `unknown` reasons. */
export function branchWhy(c: Branch): string {
  return `it applies only when condition ${c.name} is ${c.branch} (Fn::If), and ${c.why}`;
}

export interface Resource {
  Type?: unknown;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: unknown;
}

export class TemplateReader {
  readonly resolver: Resolver;
  readonly resources: Record<string, Resource>;
  readonly facts: ConfigFact[] = [];

  constructor(
    readonly template: Record<string, unknown>,
    readonly locator: TemplateLocator,
    readonly file: string,
    readonly flavor: Flavor,
    /** The YAML document of the file the template is (autofix addresses it); absent for cdk.out and CDK stacks. */
    readonly document?: number,
  ) {
    this.resolver = new Resolver(template);
    const res = template.Resources;
    this.resources = res && typeof res === 'object' && !Array.isArray(res) ? (res as Record<string, Resource>) : {};
  }

  at(path: TemplatePath): SourceLocation {
    return this.locator.locate(path);
  }

  /** Where a value is for `--fix`; undefined for generated templates (cdk.out, CDK stacks), which are not edited. */
  valuePath(path: TemplatePath): ValuePath | undefined {
    return this.document === undefined ? undefined : { file: this.file, document: this.document, path: [...path] };
  }

  /** Raw value at a path from the template root. */
  raw(path: TemplatePath): unknown {
    let node: unknown = this.template;
    for (const seg of path) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string | number, unknown>)[seg];
    }
    return node;
  }

  /** Resources of the given types whose Condition is not known to be false. */
  ofType(...types: string[]): [string, Resource][] {
    const out: [string, Resource][] = [];
    for (const [id, r] of Object.entries(this.resources)) {
      if (!r || typeof r !== 'object' || typeof r.Type !== 'string' || !types.includes(r.Type)) continue;
      if (typeof r.Condition === 'string') {
        const c = this.resolver.condition(r.Condition);
        if (c.known && !c.value) continue;
      }
      out.push([id, r]);
    }
    return out;
  }

  typeOf(id: string): string | undefined {
    const t = this.resources[id]?.Type;
    return typeof t === 'string' ? t : undefined;
  }

  /**
   * The object at `path`, following `Fn::If` whose condition resolves (the path then goes through the chosen branch,
   * so locations stay exact). Undefined when absent, AWS::NoValue, or not resolvable to an object.
   */
  node(path: TemplatePath): { value: unknown; path: TemplatePath } | { unresolved: Resolved & { known: false }; path: TemplatePath } | undefined {
    let p = path;
    let v = this.raw(p);
    for (let i = 0; i < 10 && isIntrinsic(v); i++) {
      const fn = Object.keys(v)[0];
      if (fn === 'Fn::If' && Array.isArray(v[fn]) && typeof (v[fn] as unknown[])[0] === 'string') {
        const c = this.resolver.condition((v[fn] as string[])[0]);
        if (c.known) {
          p = [...p, 'Fn::If', c.value ? 1 : 2];
          v = this.raw(p);
          continue;
        }
      }
      const r = this.resolver.resolve(v);
      if (!r.known) return { unresolved: r, path: p };
      if (r.value === NO_VALUE || r.value === undefined) return undefined;
      return { value: r.value, path: p };
    }
    if (v === undefined || v === null) return undefined;
    return { value: v, path: p };
  }

  /** An object member (following resolvable Fn::If); undefined when absent or not an object. */
  obj(path: TemplatePath): { value: Record<string, unknown>; path: TemplatePath } | undefined {
    const n = this.node(path);
    if (!n || !('value' in n)) return undefined;
    const v = n.value;
    return v && typeof v === 'object' && !Array.isArray(v) ? { value: v as Record<string, unknown>, path: n.path } : undefined;
  }

  /**
   * A list member's items with their paths (following resolvable Fn::If); [] when absent. An item, or the whole list,
   * written as `Fn::If` on a condition that does not resolve gives the items of both branches, each marked with the
   * condition (AWS::NoValue branches drop out): both possible deploys are judged, and callers turn deciding values of
   * a conditional item into `unknown` naming the condition. An item that does not resolve at all has `unresolved`.
   */
  items(path: TemplatePath): Item[] {
    const out: Item[] = [];
    for (const list of this.alternatives(path)) {
      if (!Array.isArray(list.value)) continue;
      list.value.forEach((_, i) => {
        for (const item of this.alternatives([...list.path, i], list.condition)) out.push(item);
      });
    }
    return out;
  }

  /** The value at `path`; an `Fn::If` whose condition does not resolve gives each branch (marked), NoValue none. */
  alternatives(path: TemplatePath, condition?: Branch, depth = 0): Item[] {
    const n = this.node(path);
    if (!n) return [];
    if ('value' in n) return [{ value: n.value, path: n.path, condition }];
    const raw = this.raw(n.path);
    const args = isIntrinsic(raw) ? raw['Fn::If'] : undefined;
    if (depth < 10 && Array.isArray(args) && args.length === 3 && typeof args[0] === 'string') {
      const name = args[0];
      return [1, 2].flatMap((b) =>
        this.alternatives([...n.path, 'Fn::If', b], condition ?? { name, branch: b === 1, why: this.resolver.describeCondition(name) }, depth + 1),
      );
    }
    return [{ value: undefined, path: n.path, condition, unresolved: n.unresolved.why }];
  }

  /** A scalar at `path` as a Value (unknown with the location of the expression); undefined when absent. */
  value<T>(path: TemplatePath, convert: (r: Resolved) => Resolved<T>): Value<T> | undefined {
    const raw = this.raw(path);
    if (raw === undefined) return undefined;
    const r = this.resolver.resolve(raw);
    if (r.known && (r.value === NO_VALUE || r.value === undefined || r.value === null)) return undefined;
    const c = convert(r);
    return c.known ? known(c.value) : unknown<T>(c.why, this.at(path));
  }

  /** Location for a resource (its logical id key). */
  resourceAt(id: string): SourceLocation {
    return this.at(['Resources', id]);
  }
}

/** Locator over a parsed YAML/JSON document: lines and columns, plus the logical id and CDK construct path. */
export function documentLocator(
  doc: { locate(path: readonly (string | number)[]): { line: number; column: number; endLine: number; endColumn: number } },
  file: string,
  template: Record<string, unknown>,
  /** Logical id → construct path from a cdk.out manifest, for templates synthesised without path metadata. */
  constructPaths: Readonly<Record<string, string>> = {},
): TemplateLocator {
  const resources = (template.Resources ?? {}) as Record<string, Resource>;
  return {
    locate(path) {
      const p = doc.locate(path);
      const loc: SourceLocation = { file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn };
      if (path[0] === 'Resources' && typeof path[1] === 'string') {
        loc.logicalId = path[1];
        const cdkPath = resources[path[1]]?.Metadata?.['aws:cdk:path'] ?? constructPaths[path[1]];
        if (typeof cdkPath === 'string') loc.constructPath = cdkPath;
      }
      return loc;
    },
  };
}
