// One root cause, one finding: the hits rules return per route (or fact) become one finding per setting, whose
// routes are data. The engine runs the rules and the suppression pass; this file turns hits into findings.
import type { Config } from './config';
import type { Finding, Remediation, RouteLocation, Rule, RuleHit, Severity } from './findings';
import { SEVERITY_RANK } from './findings';
import { hitMessage } from './messages';
import { docsUrl } from './meta';
import type { ConfigFact, Endpoint, Model, SourceLocation } from './model';

/** One rule's hit on one route (or fact), before hits on the same setting are folded into one finding. */
export interface RouteFinding {
  rule: Rule;
  hit: RuleHit;
  severity: Severity;
  subject: Endpoint | ConfigFact;
  model: Model;
  /** Built per hit only when suppressions are applied (they mark it); otherwise once per folded finding. */
  finding?: Finding;
}

/**
 * One root cause, one finding: hits of one rule with the same setting id at the same place (a global proxy-cache
 * over nine routes) become one finding whose routes are data. Suppressed and unsuppressed hits stay apart, so a
 * route-level suppression never hides the other routes.
 */
export function foldBySetting(perRoute: readonly RouteFinding[]): Finding[] {
  // By rule and setting id first (short keys), then by place: one setting is almost always at one place.
  const bySetting = new Map<string, RouteFinding[][]>();
  for (const r of perRoute) {
    const id = `${r.rule.id}\0${r.hit.findingId ?? r.subject.findingId}`;
    let groups = bySetting.get(id);
    if (groups === undefined) bySetting.set(id, (groups = []));
    const group = groups.find((g) => samePlace(g[0], r));
    if (group) group.push(r);
    else groups.push([r]);
  }
  const out: Finding[] = [];
  for (const group of [...bySetting.values()].flat()) {
    // The hit that speaks for the setting: the most serious route's (its message says why it is that serious).
    let first = group[0];
    for (const r of group) if (SEVERITY_RANK[r.severity] > SEVERITY_RANK[first.severity]) first = r;
    const { routes, routeLocations } = routesOf(group);
    const hit = group.length > 1 && first.rule.merge ? first.rule.merge(group.map((r) => r.hit)) : first.hit;
    const finding = first.finding ?? toFinding(first);
    finding.message = hitMessage(first.rule, hit, routes.length > 1 ? `${routes.length} routes` : first.subject.route);
    if (hit !== first.hit) Object.assign(finding, { messageId: hit.messageId, data: { ...hit.data } });
    finding.remediation = remediationOf(hit);
    finding.routes = routes;
    finding.routeLocations = routeLocations;
    out.push(finding);
  }
  return out;
}

/** Same place in the input, and the same suppression (a suppressed route never hides the others). */
function samePlace(a: RouteFinding, b: RouteFinding): boolean {
  const x = a.hit.at;
  const y = b.hit.at;
  if (x !== y && (x.line !== y.line || x.column !== y.column || x.file !== y.file)) return false;
  return a.finding?.suppressed?.reason === b.finding?.suppressed?.reason && !a.finding?.suppressed === !b.finding?.suppressed;
}

/** The route as the input names it: a Kong route name, `POST /webhooks`, a CloudFront behaviour. */
function routeName(subject: Endpoint | ConfigFact): string {
  return ('name' in subject && subject.name) || subject.route;
}

/** The routes a folded finding affects, each once, in the order the input declares them. */
function routesOf(group: readonly RouteFinding[]): { routes: string[]; routeLocations: RouteLocation[] } {
  const located = (r: RouteFinding, route: string): RouteLocation => ({ route, file: r.subject.at.file, line: r.subject.at.line, column: r.subject.at.column });
  if (group.length === 1) {
    const route = routeName(group[0].subject);
    return { routes: [route], routeLocations: [located(group[0], route)] };
  }
  const routes: string[] = [];
  const routeLocations: RouteLocation[] = [];
  const seen = new Set<string>();
  for (const r of group) {
    const route = routeName(r.subject);
    if (seen.has(route)) continue;
    seen.add(route);
    routes.push(route);
    routeLocations.push(located(r, route));
  }
  return { routes, routeLocations };
}

const docsUrls = new Map<string, string>();
function docsUrlOf(rule: Rule): string {
  let url = docsUrls.get(rule.docs);
  if (url === undefined) docsUrls.set(rule.docs, (url = docsUrl(rule)));
  return url;
}

export function severityOf(rule: Rule, hit: RuleHit, config: Config): Severity {
  const configured = config.rules[rule.id];
  return configured && configured !== 'off' ? configured : (hit.severity ?? rule.severity);
}

export function toFinding({ rule, hit, subject, severity }: RouteFinding): Finding {
  const at: SourceLocation = hit.at;
  const finding: Finding = {
    ruleId: rule.id,
    ruleName: rule.name,
    severity,
    message: '', // formatted once per folded finding (foldBySetting), not once per route
    messageId: hit.messageId,
    data: hit.data,
    platform: hit.platform ?? subject.platform,
    resource: hit.resource ?? subject.resource,
    route: hit.route ?? subject.route,
    findingId: hit.findingId ?? subject.findingId,
    file: at.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    remediation: NO_REMEDIATION, // built once per folded finding too: a fix with snippets costs something per route
    routes: [],
    docsUrl: docsUrlOf(rule),
  };
  const logicalId = at.logicalId ?? subject.at.logicalId;
  if (logicalId) finding.logicalId = logicalId;
  const constructPath = at.constructPath ?? subject.at.constructPath;
  if (constructPath) finding.constructPath = constructPath;

  return finding;
}

const NO_REMEDIATION: Remediation = Object.freeze({ summary: '' });
const remediationOf = (hit: RuleHit): Remediation => (typeof hit.remediation === 'function' ? hit.remediation() : hit.remediation);
