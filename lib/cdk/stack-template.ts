// A Stack's CloudFormation template, resolved in memory from its CfnElements (the way cdk-nag reads resources), plus
// the way back from logical ids to constructs. Everything is duck-typed through CDK's `Symbol.for` markers and
// `cfnResourceType`, never `instanceof`: a second copy of aws-cdk-lib or a generic `CfnResource` must not hide a finding.
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

interface CfnElementLike extends IConstruct {
  readonly stack: StackLike;
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
  elements: Map<string, IConstruct>;
  /** Where each value sits in the template as `JSON.stringify(template, null, 1)` lays it out (cdk.out's format). */
  positions: Map<string, { line: number; column: number }>;
  /** The reverse: line → template path, for `locations` in validation reports. */
  pathsByLine: Map<number, TemplatePath>;
}

/** Resolves every CfnElement that belongs to `stack` itself (not to a nested stack) into one template. */
export function stackTemplate(stack: StackLike): StackTemplate {
  const template: Record<string, Record<string, unknown>> = {};
  const elements = new Map<string, IConstruct>();
  for (const node of stack.node.findAll()) {
    if (!isCfnElement(node) || node.stack !== stack) continue;
    const fragment = stack.resolve(node._toCloudFormation()) as Record<string, unknown> | undefined;
    if (!fragment || typeof fragment !== 'object') continue;
    for (const [section, entries] of Object.entries(fragment)) {
      if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
      const target = (template[section] ??= {});
      for (const [id, body] of Object.entries(entries)) {
        target[id] = body;
        elements.set(`${section}/${id}`, node);
      }
    }
  }
  // Normalise exactly as the template file is written (drops undefined members), then lay it out for positions.
  const plain = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const { positions, pathsByLine } = layout(plain);
  return { stack, file: stack.templateFile, template: plain, elements, positions, pathsByLine };
}

/** The construct that emitted the value at `path` (a resource, parameter, condition...), when there is one. */
export function elementAt(t: StackTemplate, path: TemplatePath): IConstruct | undefined {
  return typeof path[1] === 'string' ? t.elements.get(`${path[0]}/${path[1]}`) : undefined;
}

export function locate(t: StackTemplate, path: TemplatePath): SourceLocation {
  // The deepest known prefix: a path into a value that resolved differently still lands on its owner.
  let pos: { line: number; column: number } | undefined;
  for (let n = path.length; n >= 0 && !pos; n--) pos = t.positions.get(pathKey(path.slice(0, n)));
  const loc: SourceLocation = { file: t.file, line: pos?.line ?? 1, column: pos?.column ?? 1 };
  const element = elementAt(t, path);
  if (element) loc.constructPath = element.node.path;
  if (path[0] === 'Resources' && typeof path[1] === 'string') loc.logicalId = path[1];
  return loc;
}

export const pathKey = (path: TemplatePath): string => JSON.stringify(path);

/**
 * Line/column of every key and array item in `JSON.stringify(value, null, 1)`: one member per line, the opening
 * bracket on its owner's line, the closing bracket on a line of its own (empty containers stay on one line).
 */
function layout(value: unknown) {
  const positions = new Map<string, { line: number; column: number }>();
  const pathsByLine = new Map<number, TemplatePath>();
  let line = 1;
  positions.set(pathKey([]), { line: 1, column: 1 });
  const walk = (v: unknown, path: (string | number)[], depth: number) => {
    if (v === null || typeof v !== 'object') return;
    const members: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    if (members.length === 0) return;
    for (const [key, child] of members) {
      line++;
      const childPath = [...path, key];
      positions.set(pathKey(childPath), { line, column: depth + 2 });
      pathsByLine.set(line, childPath);
      walk(child, childPath, depth + 1);
    }
    line++; // the closing bracket
  };
  walk(value, [], 0);
  return { positions, pathsByLine };
}
