import type { Finding, ScanResult } from './findings';
export declare const BASELINE_VERSION = 1;
export interface BaselineEntry {
    ruleId: string;
    file: string;
    findingId: string;
    /** For humans reading the file; not part of the match. */
    resource?: string;
}
export interface Baseline {
    tool: string;
    version: number;
    entries: BaselineEntry[];
}
export interface BaselineSummary {
    /** The baseline file as given on the command line. */
    file: string;
    /** Findings that were in the baseline (now suppressed). */
    matched: number;
    /** Unsuppressed findings not in the baseline. */
    new: number;
    /** Baseline entries that no unsuppressed finding matches any more (fixed, or suppressed another way). */
    stale: number;
}
export declare class BaselineError extends Error {
}
export declare function buildBaseline(findings: readonly Finding[], baselinePath: string, cwd: string): Baseline;
export declare function writeBaseline(findings: readonly Finding[], baselinePath: string, cwd: string): Baseline;
export declare function readBaseline(baselinePath: string, cwd: string): Baseline;
/** Marks findings recorded in `baseline` as suppressed and counts matched / new / stale. */
export declare function applyBaseline(result: ScanResult, baseline: Baseline, baselinePath: string, cwd: string): BaselineSummary;
