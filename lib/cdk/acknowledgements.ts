// `Validations.of(construct).acknowledge({ id, reason })` stores `{ [id]: reason }` as construct metadata
// `aws:cdk:acknowledged-rules`; it covers the construct and everything below it. CDK core (2.276) suppresses a plugin
// violation only when `<Plugin>::<ruleName>` equals a stored id exactly, so this module finds, per finding, which
// acknowledgement covers it: the exact `CacheLint::CL001[/webhooks/POST]`, else the rule-wide `CacheLint::CL001`.
import type { IConstruct } from 'constructs';

export const PLUGIN_NAME = 'CacheLint';
export const ACKNOWLEDGED_RULES_METADATA_KEY = 'aws:cdk:acknowledged-rules';

export interface Acknowledgement {
  /** As stored: `CacheLint::CL001[/webhooks/POST]` or `CacheLint::CL001`. */
  id: string;
  reason: string;
  /** Construct path of the construct it was made on ('' for the app). */
  at: string;
}

/** Acknowledgement ids by construct path, for the CacheLint namespace only. */
export type AcknowledgementIndex = Map<string, Map<string, Acknowledgement>>;

export function collectAcknowledgements(root: IConstruct): AcknowledgementIndex {
  const index: AcknowledgementIndex = new Map();
  const visit = (c: IConstruct) => {
    for (const entry of c.node.metadata) {
      if (entry.type !== ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data || typeof entry.data !== 'object') continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        if (!id.startsWith(`${PLUGIN_NAME}::`)) continue;
        const byId = index.get(id) ?? new Map<string, Acknowledgement>();
        byId.set(c.node.path, {
          id,
          reason: typeof reason === 'string' || typeof reason === 'number' || typeof reason === 'boolean' ? String(reason) : '',
          at: c.node.path,
        });
        index.set(id, byId);
      }
    }
    for (const child of c.node.children) visit(child);
  };
  visit(root);
  return index;
}

/**
 * The rule name a violation carries: `CL001[<findingId>]`, as CDK core matches it. Spaces become '-' as core
 * normalises them, and brackets that would not balance (core refuses such ids) are replaced.
 */
export function violationRuleName(ruleId: string, findingId: string): string {
  return `${ruleId}[${balanced(findingId.replace(/ /g, '-'))}]`;
}

function balanced(id: string): string {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const c of id) {
    if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return id.replace(/[()[\]{}]/g, '_');
  }
  return stack.length ? id.replace(/[()[\]{}]/g, '_') : id;
}

/** The closest acknowledgement with this id on the construct or one of its ancestors (core's own lookup order). */
function closest(index: AcknowledgementIndex, id: string, constructPath: string): Acknowledgement | undefined {
  const byPath = index.get(id);
  if (!byPath) return undefined;
  let p = constructPath;
  for (;;) {
    const hit = byPath.get(p);
    if (hit) return hit;
    if (p === '') return undefined;
    const slash = p.lastIndexOf('/');
    p = slash === -1 ? '' : p.slice(0, slash);
  }
}

export interface Coverage {
  ack: Acknowledgement;
  /** 'finding': `CacheLint::CL001[/webhooks/POST]`; 'rule': `CacheLint::CL001` covers every finding of the rule. */
  scope: 'finding' | 'rule';
}

export function coverageFor(index: AcknowledgementIndex, ruleId: string, findingId: string, constructPath: string): Coverage | undefined {
  const exact = closest(index, `${PLUGIN_NAME}::${violationRuleName(ruleId, findingId)}`, constructPath);
  if (exact) return { ack: exact, scope: 'finding' };
  const ruleWide = closest(index, `${PLUGIN_NAME}::${ruleId}`, constructPath);
  return ruleWide ? { ack: ruleWide, scope: 'rule' } : undefined;
}
