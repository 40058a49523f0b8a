import type { MessageData } from './messages';
import type { ConfigFact, Endpoint, Flavor, Model, SourceLocation } from './model';
export type Severity = 'error' | 'warning' | 'info';
export declare const SEVERITY_RANK: Record<Severity, number>;
/** Exit 1 or 0: whether a finding that is not suppressed is at least as severe as `failOn` (the CLI and the probe). */
export declare function failExitCode(findings: readonly Finding[], failOn: Severity): 0 | 1;
export interface Remediation {
    summary: string;
    snippet?: string;
    /** A machine-applicable form of the fix (`--fix`); absent when the fix needs a person (or the code is CDK). */
    fix?: Fix;
}
/**
 * Like Ruff: `safe` keeps every behaviour users rely on except the bug (drop POST from request_method, pin a write
 * method's caching off); `unsafe` may change what is cached for reads (lower a behaviour's TTLs, CachingDisabled).
 */
export type FixSafety = 'safe' | 'unsafe';
export interface Fix {
    safety: FixSafety;
    edits: FixEdit[];
}
export type FixScalar = string | number | boolean;
/**
 * One structured edit of a parsed document: never a text offset (the applier finds the node and keeps every byte
 * around it). `path` is the value path in the document (mapping keys, list indexes).
 *   set      a scalar at `path`; absent keys (and missing parent mappings) are inserted
 *   set-list a list of scalars at `path` (flow `[GET, HEAD]` when new; an existing block list stays block)
 *   append   a mapping as a new last item of the list at `path` (the list is created when absent)
 */
export type FixEdit = {
    op: 'set';
    file: string;
    document: number;
    path: (string | number)[];
    value: FixScalar;
    /** A trailing comment on the value's line that names the old value (`# Managed-CachingOptimized`) would then be
     *  wrong: when it contains `mentions`, its text becomes `text`. Other comments are never touched. */
    comment?: {
        mentions: string;
        text: string;
    };
} | {
    op: 'set-list';
    file: string;
    document: number;
    path: (string | number)[];
    value: FixScalar[];
} | {
    op: 'append';
    file: string;
    document: number;
    path: (string | number)[];
    value: Record<string, FixScalar>;
};
export interface Finding {
    ruleId: string;
    ruleName: string;
    severity: Severity;
    message: string;
    /** Which of the rule's message templates `message` is (absent for probe findings, which the probe words itself). */
    messageId?: string;
    /** The template's placeholder values (`{routes}` is `routes`). */
    data?: MessageData;
    platform: string;
    resource: string;
    route: string;
    findingId: string;
    file: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    remediation: Remediation;
    /** The routes this one setting affects, as the input names them (the first one is `route`). */
    routes: string[];
    /** Where each affected route is defined (SARIF relatedLocations), in the order of `routes`. */
    routeLocations?: RouteLocation[];
    docsUrl: string;
    suppressed?: {
        reason: string;
        source?: string;
    };
    constructPath?: string;
    logicalId?: string;
}
export interface RouteLocation {
    route: string;
    file: string;
    line: number;
    column: number;
}
/** What a rule's check returns: the engine fills rule metadata, file and docs. */
export interface RuleHit<Id extends string = string> {
    /**
     * The rule's template (`Rule.messages[messageId]`) that says what is wrong, filled from `data`. `{routes}` in it
     * stands for the routes the finding affects: the route itself when one, "N routes" when several hits of one rule
     * on one setting are folded into one finding (the routes are then listed as data).
     */
    messageId: Id;
    data?: MessageData;
    at: SourceLocation;
    /**
     * The id of the setting whose change fixes it (default: the endpoint's findingId). Hits of one rule with the same
     * id at the same place become one finding.
     */
    findingId?: string;
    resource?: string;
    route?: string;
    platform?: string;
    /** Below the rule default for special cases (CL007 is warning for ANY, info otherwise). */
    severity?: Severity;
    /**
     * How to fix it, or a function that builds it: a fix with snippets and edits costs something per route, and only
     * the hit that speaks for a folded setting is shown, so the engine calls the function once per finding.
     */
    remediation: Remediation | (() => Remediation);
    /** What the rule's `merge` needs to fold hits on one setting (not part of the output). */
    fold?: Readonly<Record<string, unknown>>;
}
export interface RuleContext {
    /** Rule ids enabled for this scan (a rule folds another's fix in only when that one would fire). */
    enabled(ruleId: string): boolean;
}
export interface Rule<Id extends string = string> {
    id: string;
    name: string;
    severity: Severity;
    summary: string;
    rationale: string;
    /** docs/rules page, relative to the repository. */
    docs: string;
    /** Message templates by id: `{name}` placeholders are filled from a hit's `data` (lib/messages.ts). */
    messages?: Readonly<Record<Id, string>>;
    /** Checks one endpoint. */
    check?(endpoint: Endpoint, context: RuleContext): RuleHit<Id>[];
    /** Checks facts that belong to no single endpoint. */
    checkFact?(fact: ConfigFact, context: RuleContext): RuleHit<Id>[];
    /**
     * Folds hits of this rule on one setting (several routes) into one; default: the first hit, whose message and
     * fix already speak of the setting. A rule whose fix lists something per route (CL007) merges them here.
     */
    merge?(hits: readonly RuleHit<Id>[]): RuleHit<Id>;
    /** Paste-able fix per input format, used by the check and by docs. */
    remediation: Partial<Record<Flavor, string>>;
}
/** An input that could not be read, parsed or recognised: always visible, always exit 2. */
export interface InputError {
    file: string;
    line?: number;
    column?: number;
    code: string;
    message: string;
}
export interface FileRecord {
    file: string;
    status: 'scanned' | 'skipped' | 'error';
    format?: string;
    reason?: string;
    /** A folder a directory walk left out (its `file` ends with '/'). */
    kind?: 'folder';
    /** What left it out of the walk: `built-in: node_modules`, `.gitignore:3`, `.git/info/exclude:2`, a config glob. */
    ignoredBy?: string;
}
export interface ScanResult {
    files: FileRecord[];
    findings: Finding[];
    errors: InputError[];
    models?: Model[];
    /** Set when --baseline was given: how the findings compare with it (json `summary.baseline`). */
    baseline?: {
        file: string;
        matched: number;
        new: number;
        stale: number;
    };
    /** File texts, for code frames (not part of the JSON contract). */
    sources?: Map<string, string>;
}
