// A Stack's CloudFormation template, resolved in memory from its CfnElements (the way cdk-nag reads resources), plus
// the way back from logical ids to constructs. Everything is duck-typed through CDK's `Symbol.for` markers and
// `cfnResourceType`, never `instanceof`: a second copy of aws-cdk-lib or a generic `CfnResource` must not hide a finding.
import { readFileSync } from 'node:fs';
import type { IConstruct } from 'constructs';
import type { SourceLocation } from '../model';

const STACK = Symbol.for('@aws-cdk/core.Stack');
const CFN_ELEMENT = Symbol.for('@aws-cdk/core.CfnElement');

/** The parts of aws-cdk-lib's Stack this module uses (structural, so any 2.x copy fits). */
export interface StackLike extends IConstruct {
  resolve(obj: unknown): unknown;
  getLogicalId(element: IConstruct): string;
  readonly templateFile: string;
  readonly artifactId: string;
}

/** Section + logical id → the element that emitted it. */
export interface ElementIndex {
  get(key: string): IConstruct | undefined;
}

interface CfnElementLike extends IConstruct {
  readonly stack: StackLike;
  readonly logicalId: string;
  _toCloudFormation(): object;
}

export const isStack = (x: unknown): x is StackLike => x !== null && typeof x === 'object' && STACK in x;
const isCfnElement = (x: unknown): x is CfnElementLike =>
  x !== null && typeof x === 'object' && CFN_ELEMENT in x && typeof (x as { _toCloudFormation?: unknown })._toCloudFormation === 'function';
export const isCfnResource = (x: unknown): boolean =>
  x !== null && typeof x === 'object' && typeof (x as { cfnResourceType?: unknown }).cfnResourceType === 'string';

export type TemplatePath = readonly (string | number)[];

export interface StackTemplate {
  stack: StackLike;
  /** `Demo.template.json`: the file name cdk.out will hold; findings name it. */
  file: string;
  template: Record<string, unknown>;
  /** Section + logical id (`Resources/Api123`, `Parameters/Ttl`) → the element that emitted it. */
  elements: ElementIndex;
  /** Where each value sits in the template as `JSON.stringify(template, null, 1)` lays it out (cdk.out's format). */
  layout: TemplateLayout;
}

/** Resolves every CfnElement that belongs to `stack` itself (not to a nested stack) into one template. */
export function stackTemplate(stack: StackLike): StackTemplate {
  const template: Record<string, Record<string, unknown>> = {};
  const elements = new Map<string, IConstruct>();
  for (const node of stack.node.findAll()) {
    if (!isCfnElement(node) || node.stack !== stack) continue;
    addFragment(stack, node, template, elements);
  }
  // Normalise exactly as the template file is written (drops undefined members), then lay it out for positions.
  const plain = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  return { stack, file: stack.templateFile, template: plain, elements, layout: new TemplateLayout(plain) };
}

function addFragment(stack: StackLike, node: CfnElementLike, template: Record<string, Record<string, unknown>> | undefined, elements: Map<string, IConstruct>) {
  const fragment = stack.resolve(node._toCloudFormation()) as Record<string, unknown> | undefined;
  if (!fragment || typeof fragment !== 'object') return;
  for (const [section, entries] of Object.entries(fragment)) {
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
    const target = template ? (template[section] ??= {}) : undefined;
    for (const [id, body] of Object.entries(entries)) {
      if (target) target[id] = body;
      elements.set(`${section}/${id}`, node);
    }
  }
}

/**
 * The template CDK already wrote for `stack` (policy validation runs after synthesis): read from the file instead of
 * resolving every element again, which was most of the plugin's time. Elements are matched to logical ids lazily.
 */
export function stackTemplateFromFile(stack: StackLike, templatePath: string): StackTemplate {
  const template = JSON.parse(readFileSync(templatePath, 'utf8')) as Record<string, unknown>;
  if (!template || typeof template !== 'object' || Array.isArray(template)) throw new Error(`${templatePath} is not a template`);
  return { stack, file: stack.templateFile, template, elements: new FileElements(stack, template), layout: new TemplateLayout(template) };
}

const TOKEN = /\$\{Token\[/;

/**
 * Logical id → element for a template read from its file, built on first use. A resource's id comes from its
 * `aws:cdk:path` metadata (written when the CDK CLI runs the app), else from its plain override or the stack's id
 * allocation (what CfnElement._synthesizeLogicalId returns). Elements whose id is a token (a RestApi Deployment hashes
 * its whole API into its id: 50 ms on a 1,000-resource app) and non-resource elements (parameters, conditions,
 * outputs, rules) are resolved only when a key is not found otherwise, so a lookup always ends where the in-memory
 * template (stackTemplate) would.
 */
class FileElements implements ElementIndex {
  private readonly map = new Map<string, IConstruct>();
  private readonly resources: Record<string, unknown> | undefined;
  /** The stack's own elements, listed once; resources are indexed by type on the first lookup of that type. */
  private elements: CfnElementLike[] | undefined;
  private readonly indexedTypes = new Set<string>();
  private idByPath: Map<string, string> | undefined;
  /** Resolved last-first on a miss: token-overridden resources first in the list, the few non-resources last. */
  private deferred: CfnElementLike[] | undefined;

  constructor(
    private readonly stack: StackLike,
    template: Record<string, unknown>,
  ) {
    const r = template.Resources;
    this.resources = r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : undefined;
  }

  private list(): CfnElementLike[] {
    if (!this.elements) {
      this.elements = [];
      const later: CfnElementLike[] = [];
      for (const node of this.stack.node.findAll()) {
        if (!isCfnElement(node) || node.stack !== this.stack) continue;
        if (isCfnResource(node)) this.elements.push(node);
        else later.push(node);
      }
      this.deferred = later.reverse(); // popped after the token-overridden resources
      this.idByPath = new Map();
      if (this.resources)
        for (const [id, r] of Object.entries(this.resources)) {
          const p = (r as { Metadata?: Record<string, unknown> } | null)?.Metadata?.['aws:cdk:path'];
          if (typeof p === 'string') this.idByPath.set(p, id);
        }
    }
    return this.elements;
  }

  /** Maps every resource element of one CloudFormation type to its logical id (what _synthesizeLogicalId returns). */
  private indexType(type: string): void {
    this.indexedTypes.add(type);
    for (const node of this.list()) {
      if ((node as { cfnResourceType?: unknown }).cfnResourceType !== type) continue;
      let id = this.idByPath!.get(node.node.path);
      if (id === undefined) {
        const override = (node as { _logicalIdOverride?: unknown })._logicalIdOverride;
        if (typeof override === 'string' && !TOKEN.test(override)) id = override;
        else if (override === undefined || override === '') id = this.stack.getLogicalId(node);
      }
      if (id !== undefined && this.resources && Object.prototype.hasOwnProperty.call(this.resources, id)) {
        if (!this.map.has(`Resources/${id}`)) this.map.set(`Resources/${id}`, node);
      } else this.deferred!.unshift(node); // a token id: resolved only if a lookup misses
    }
  }

  get(key: string): IConstruct | undefined {
    let hit = this.map.get(key);
    if (hit !== undefined) return hit;
    if (key.startsWith('Resources/') && this.resources) {
      const body = this.resources[key.slice('Resources/'.length)] as { Type?: unknown } | undefined;
      const type = body && typeof body === 'object' ? body.Type : undefined;
      if (typeof type === 'string' && !this.indexedTypes.has(type)) {
        this.indexType(type);
        hit = this.map.get(key);
        if (hit !== undefined) return hit;
      }
    }
    this.list();
    while (hit === undefined && this.deferred!.length) {
      addFragment(this.stack, this.deferred!.pop()!, undefined, this.map);
      hit = this.map.get(key);
    }
    return hit;
  }
}

/** The construct that emitted the value at `path` (a resource, parameter, condition...), when there is one. */
export function elementAt(t: StackTemplate, path: TemplatePath): IConstruct | undefined {
  return typeof path[1] === 'string' ? t.elements.get(`${path[0]}/${path[1]}`) : undefined;
}

export function locate(t: StackTemplate, path: TemplatePath): SourceLocation {
  // The deepest known prefix: a path into a value that resolved differently still lands on its owner.
  const pos = t.layout.position(path);
  const loc: SourceLocation = { file: t.file, line: pos.line, column: pos.column };
  const element = elementAt(t, path);
  if (element) loc.constructPath = element.node.path;
  if (path[0] === 'Resources' && typeof path[1] === 'string') loc.logicalId = path[1];
  return loc;
}

/**
 * Line/column of every key and array item in `JSON.stringify(value, null, 1)`: one member per line, the opening
 * bracket on its owner's line, the closing bracket on a line of its own (empty containers stay on one line).
 * Worked out on demand, per container on a located path (a map of every member of a 1,000-resource stack, keyed by
 * its JSON path, cost more than reading the stack).
 */
export class TemplateLayout {
  private readonly heights = new Map<object, number>();
  /** Per container: line offset of each member from the container's line, and (objects) key → member index. */
  private readonly members = new Map<object, { offsets: number[]; names?: string[]; keys?: Map<string, number> }>();

  constructor(private readonly root: unknown) {}

  /** Lines a value takes, from its own line to its closing bracket. */
  private height(v: unknown): number {
    if (v === null || typeof v !== 'object') return 1;
    let h = this.heights.get(v);
    if (h === undefined) {
      h = 2; // own line + closing bracket
      let n = 0;
      const children = Array.isArray(v) ? (v as unknown[]) : Object.keys(v).map((k) => (v as Record<string, unknown>)[k]);
      for (const x of children) {
        h += this.height(x);
        n++;
      }
      if (n === 0) h = 1;
      this.heights.set(v, h);
    }
    return h;
  }

  private membersOf(v: object) {
    let m = this.members.get(v);
    if (!m) {
      const offsets: number[] = [];
      let line = 1;
      if (Array.isArray(v))
        for (const x of v as unknown[]) {
          offsets.push(line);
          line += this.height(x);
        }
      else {
        const names = Object.keys(v);
        const keys = new Map<string, number>();
        for (const k of names) {
          keys.set(k, offsets.length);
          offsets.push(line);
          line += this.height((v as Record<string, unknown>)[k]);
        }
        m = { offsets, names, keys };
      }
      m ??= { offsets };
      this.members.set(v, m);
    }
    return m;
  }

  private indexOf(v: unknown, seg: string | number): number {
    if (v === null || typeof v !== 'object') return -1;
    const m = this.membersOf(v);
    if (Array.isArray(v)) return typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < v.length ? seg : -1;
    return typeof seg === 'string' ? (m.keys!.get(seg) ?? -1) : -1;
  }

  /** Position of the deepest prefix of `path` that exists (the root is line 1, column 1). */
  position(path: TemplatePath): { line: number; column: number } {
    let v = this.root;
    let line = 1;
    let column = 1;
    for (let i = 0; i < path.length; i++) {
      const m = this.indexOf(v, path[i]);
      if (m < 0) break;
      line += this.membersOf(v as object).offsets[m];
      column = i + 2;
      v = Array.isArray(v) ? v[m] : (v as Record<string, unknown>)[path[i] as string];
    }
    return { line, column };
  }

  /** The template path of the member written on `line`, if a member starts there (not a closing bracket). */
  pathAt(line: number): TemplatePath | undefined {
    const path: (string | number)[] = [];
    let v = this.root;
    let start = 1;
    while (v !== null && typeof v === 'object') {
      const { offsets, names } = this.membersOf(v);
      // The last member that starts at or before the line.
      let lo = 0;
      let hi = offsets.length - 1;
      if (hi < 0 || start + offsets[0] > line) return undefined;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (start + offsets[mid] <= line) lo = mid;
        else hi = mid - 1;
      }
      const key: string | number = names ? names[lo] : lo;
      const child: unknown = Array.isArray(v) ? (v as unknown[])[lo] : (v as Record<string, unknown>)[key as string];
      const childLine = start + offsets[lo];
      if (line >= childLine + this.height(child)) return undefined; // the container's closing bracket
      path.push(key);
      if (childLine === line) return path;
      v = child;
      start = childLine;
    }
    return undefined;
  }
}
