// Suppressions, as their own pass over the findings the rules made (one per rule, route and setting, before anything
// merges them, so each still knows where its endpoint is declared):
// - a `# cachelint-disable-next-line CL001 -- reason` comment covers the findings located in the YAML node that
//   starts on the next line (lib/parse/suppressions.ts measures it), and those whose endpoint is declared there;
// - a CloudFormation resource's `Metadata.cachelint.ignore` entry covers that rule's findings on the resource.
// A directive must be able to explain itself: one without a reason, naming no known rule, or suppressing nothing is
// reported as a finding of its own (like ESLint's unused eslint-disable directives), so stale silencing does not pile up.
import type { Finding, Rule, Severity } from './findings';
import { docsUrl } from './meta';
import type { ResourceSuppression, SourceLocation } from './model';
import type { CommentSuppression } from './parse/suppressions';

/** A finding plus what the suppressions need to know about it. */
export interface Suppressible {
  finding: Finding;
  /** Where the endpoint (or fact) the finding is about is declared; the finding itself may point at a shared setting. */
  subject: Pick<SourceLocation, 'file' | 'line'>;
  /** Resources whose Metadata.cachelint.ignore covers the finding: the setting's and the endpoint's logical ids. */
  owners: readonly string[];
  /** The Metadata.cachelint.ignore entries of the template the finding comes from. */
  ignores?: readonly ResourceSuppression[];
}

export const UNUSED_SUPPRESSION = 'unused-suppression';
export const INVALID_SUPPRESSION = 'invalid-suppression';

const DOCS = 'README.md#suppressions-and-configuration';

/** The two checks on directives, as rules so that reports (SARIF's rule list) can describe them. */
export const SUPPRESSION_RULES: readonly Rule[] = [
  {
    id: UNUSED_SUPPRESSION,
    name: UNUSED_SUPPRESSION,
    severity: 'warning',
    summary: 'A suppression (comment or Metadata.cachelint.ignore entry) suppresses no finding.',
    rationale:
      'A suppression that no longer matches anything was left behind by a fix, or was put where it covers nothing; it would silently hide a later finding in the same place. Remove it, or move the comment onto the line above the node that holds the finding.',
    docs: DOCS,
    remediation: {},
  },
  {
    id: INVALID_SUPPRESSION,
    name: INVALID_SUPPRESSION,
    severity: 'warning',
    summary: 'A suppression has no reason or names no cachelint rule, so it suppresses nothing.',
    rationale: 'Every suppression carries a reason, so that each silenced finding leaves an audit trail, and names the rules it silences.',
    docs: DOCS,
    remediation: {},
  },
];

export interface SuppressOptions {
  /** Suppression comments by file, with the lines each covers. */
  comments?: ReadonlyMap<string, readonly CommentSuppression[]>;
  /** Every template's Metadata.cachelint.ignore entries, to find the unused ones. */
  ignores?: readonly (readonly ResourceSuppression[])[];
  /** Rule ids a directive may name. */
  known: ReadonlySet<string>;
  /** Rules that ran: a directive for a rule turned off cannot be told unused. */
  enabled: ReadonlySet<string>;
  /** Severity from the config, when it sets one for a directive check. */
  severity?: (ruleId: string) => Severity | 'off' | undefined;
}

/** Marks the findings that a directive with a reason covers, and returns the findings about the directives themselves. */
export function applySuppressions(items: readonly Suppressible[], options: SuppressOptions): Finding[] {
  const comments = options.comments?.size ? options.comments : undefined;
  const matched = suppressCovered(items, comments);
  const out: Finding[] = [];
  const report: Report = (ruleId, at, message, fix, where) => {
    const finding = directiveFinding(ruleId, at, message, fix, where, options);
    if (finding) out.push(finding);
  };
  checkComments(comments, matched, options, report);
  checkIgnores(matched, options, report);
  return out;
}

/** Rule ids each directive covered a finding of (whether or not it could suppress it). */
type Matched = Map<object, Set<string>>;
type Report = (ruleId: string, at: SourceLocation, message: string, fix: string, where: { resource: string; findingId: string }) => void;

/** Suppresses each finding that a directive with a reason covers; returns what every directive covered. */
function suppressCovered(items: readonly Suppressible[], comments: SuppressOptions['comments']): Matched {
  const matched: Matched = new Map();
  for (const { finding: f, subject, owners, ignores } of items) {
    if (comments) {
      for (const file of f.file === subject.file ? [f.file] : [f.file, subject.file]) {
        for (const c of comments.get(file) ?? []) {
          if (c.ruleIds.length && !c.ruleIds.includes(f.ruleId)) continue;
          const from = c.covers?.line ?? c.target;
          const to = c.covers?.endLine ?? c.target;
          const inside = (f.file === file && f.line >= from && f.line <= to) || (subject.file === file && subject.line >= from && subject.line <= to);
          if (!inside) continue;
          match(matched, c, f.ruleId);
          if (c.reason && !f.suppressed) f.suppressed = { reason: c.reason, source: `comment at ${file}:${c.line}` };
        }
      }
    }
    for (const s of ignores ?? []) {
      if (s.ruleId !== f.ruleId || !owners.includes(s.resource)) continue;
      match(matched, s, f.ruleId);
      if (s.reason && !f.suppressed) f.suppressed = { reason: s.reason, source: `Metadata.cachelint.ignore of ${s.resource}` };
    }
  }
  return matched;
}

function match(matched: Matched, d: object, ruleId: string): void {
  const m = matched.get(d);
  if (m) m.add(ruleId);
  else matched.set(d, new Set([ruleId]));
}

/** A finding about a directive, at the severity the config gives its check; none when the config turns it off. */
function directiveFinding(
  ruleId: string,
  at: SourceLocation,
  message: string,
  fix: string,
  where: { resource: string; findingId: string },
  options: SuppressOptions,
): Finding | undefined {
  const configured = options.severity?.(ruleId);
  if (configured === 'off') return undefined;
  const rule = SUPPRESSION_RULES.find((r) => r.id === ruleId)!;
  const finding: Finding = {
    ruleId,
    ruleName: rule.name,
    severity: configured ?? rule.severity,
    message,
    platform: 'cachelint',
    resource: where.resource,
    route: '',
    findingId: where.findingId,
    file: at.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    remediation: { summary: fix },
    routes: [],
    docsUrl: docsUrl(rule),
  };
  if (at.logicalId) finding.logicalId = at.logicalId;
  return finding;
}

const list = (ids: readonly string[]) => ids.join(', ');

/** Reports the suppression comments that name unknown rules, give no reason, or cover no finding. */
function checkComments(comments: SuppressOptions['comments'], matched: Matched, options: SuppressOptions, report: Report): void {
  for (const [file, found] of comments ?? []) {
    for (const c of found) {
      const at: SourceLocation = { file, line: c.line, column: c.column, endLine: c.line, endColumn: c.endColumn };
      const where = { resource: 'cachelint-disable-next-line', findingId: `cachelint-disable-next-line ${c.ruleIds.length ? list(c.ruleIds) : '(all rules)'}` };
      const lines = c.covers && c.covers.endLine > c.covers.line ? `lines ${c.covers.line}-${c.covers.endLine}` : `line ${c.target}`;
      const hits = matched.get(c);
      const unknown = c.ruleIds.filter((id) => !options.known.has(id));
      if (unknown.length)
        report(
          INVALID_SUPPRESSION,
          at,
          `cachelint-disable-next-line names ${unknown.length === 1 ? 'no cachelint rule' : 'ids that are not cachelint rules'}: ${list(unknown)}.`,
          `Name rule ids as cachelint reports them (${exampleIds(options.known)}), comma-separated, before " -- reason".`,
          where,
        );
      if (!c.reason) {
        const would = hits ? ` (it covers ${list([...hits])} findings in ${lines})` : '';
        report(
          INVALID_SUPPRESSION,
          at,
          `cachelint-disable-next-line has no "-- reason", so it suppresses nothing${would}.`,
          `Say why the finding is acceptable after " -- ": # cachelint-disable-next-line ${c.ruleIds.length ? list(c.ruleIds) : 'CL001'} -- <why this is safe>.`,
          where,
        );
        continue;
      }
      const named = c.ruleIds.filter((id) => options.known.has(id) && options.enabled.has(id));
      const idle = c.ruleIds.length ? named.filter((id) => !hits?.has(id)) : hits ? [] : ['(all rules)'];
      if (!idle.length) continue;
      const partly = idle.length < c.ruleIds.length;
      report(
        UNUSED_SUPPRESSION,
        at,
        `This cachelint-disable-next-line comment suppresses nothing${partly ? ` for ${list(idle)}` : ''}: no ${c.ruleIds.length ? `${list(idle)} ` : ''}finding is located in ${lines}, nor about an endpoint declared there.`,
        partly
          ? `Remove ${list(idle)} from the comment (its other rule ids are in use).`
          : 'Remove the comment, or move it onto the line above the node that holds the finding (the plugin entry, the route, the resource).',
        where,
      );
    }
  }
}

/** Reports the Metadata.cachelint.ignore entries that name no rule, give no reason, or cover no finding. */
function checkIgnores(matched: Matched, options: SuppressOptions, report: Report): void {
  for (const group of options.ignores ?? []) {
    for (const s of group) {
      const where = { resource: s.resource, findingId: `${s.resource}/Metadata/cachelint/ignore/${s.ruleId || '?'}` };
      const at: SourceLocation = { ...locationOf(s.at), logicalId: s.resource };
      if (!options.known.has(s.ruleId)) {
        report(
          INVALID_SUPPRESSION,
          at,
          s.ruleId
            ? `Metadata.cachelint.ignore on ${s.resource} names ${s.ruleId}, which is not a cachelint rule.`
            : `Metadata.cachelint.ignore on ${s.resource} has an entry without an "id".`,
          `Each entry is { id: <rule id such as ${exampleIds(options.known)}>, reason: <why this is safe> }.`,
          where,
        );
        continue;
      }
      const hits = matched.get(s);
      if (!s.reason) {
        report(
          INVALID_SUPPRESSION,
          at,
          `Metadata.cachelint.ignore on ${s.resource} has no reason for ${s.ruleId}, so it suppresses nothing${hits ? ` (it covers ${s.ruleId} findings of ${s.resource})` : ''}.`,
          `Add a reason to the entry: { id: ${s.ruleId}, reason: <why this is safe> }.`,
          where,
        );
        continue;
      }
      if (!hits && options.enabled.has(s.ruleId))
        report(
          UNUSED_SUPPRESSION,
          at,
          `Metadata.cachelint.ignore on ${s.resource} for ${s.ruleId} suppresses nothing: no ${s.ruleId} finding is on ${s.resource} or on an endpoint it declares.`,
          `Remove the entry from ${s.resource}'s Metadata, or put it on the resource that holds the setting the finding points at.`,
          where,
        );
    }
  }
}

function exampleIds(known: ReadonlySet<string>): string {
  const ids = [...known].filter((id) => /^CL\d+$/.test(id)).sort();
  return ids.length > 2 ? `${ids[0]}...${ids[ids.length - 1]}` : ids.join(', ');
}

/** A plain copy: the adapter's location may compute its line on first read. */
function locationOf(at: SourceLocation): SourceLocation {
  return { file: at.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
}
