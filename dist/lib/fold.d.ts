import type { Config } from './config';
import type { Finding, Rule, RuleHit, Severity } from './findings';
import type { ConfigFact, Endpoint, Model } from './model';
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
export declare function foldBySetting(perRoute: readonly RouteFinding[]): Finding[];
export declare function severityOf(rule: Rule, hit: RuleHit, config: Config): Severity;
export declare function toFinding({ rule, hit, subject, severity }: RouteFinding): Finding;
