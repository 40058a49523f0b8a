import type { Finding, Rule, Severity } from './findings';
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
export declare const UNUSED_SUPPRESSION = "unused-suppression";
export declare const INVALID_SUPPRESSION = "invalid-suppression";
/** The two checks on directives, as rules so that reports (SARIF's rule list) can describe them. */
export declare const SUPPRESSION_RULES: readonly Rule[];
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
export declare function applySuppressions(items: readonly Suppressible[], options: SuppressOptions): Finding[];
