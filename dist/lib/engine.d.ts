import type { Config } from './config';
import type { Finding, Rule, ScanResult, Severity } from './findings';
import type { Model } from './model';
import { type CommentSuppression } from './parse/suppressions';
export interface ScanOptions {
    config?: Config;
    /** Paths in findings are shown relative to this folder. */
    cwd?: string;
    rules?: readonly Rule[];
    /** Recognise named files by content like walked ones (others are skipped, not errors), and let a scan that found
     *  nothing to scan pass: for pre-commit and lint-staged, which pass every staged file (`--ignore-unknown`). */
    ignoreUnknown?: boolean;
}
export declare function scan(paths: readonly string[], options?: ScanOptions): ScanResult;
export interface EvaluateOptions {
    config?: Config;
    rules?: readonly Rule[];
    comments?: Map<string, CommentSuppression[]>;
}
/** Runs the rules over models and applies severities and suppressions. Shared by the CLI and the CDK integrations. */
export declare function evaluate(models: readonly Model[], options?: EvaluateOptions): Finding[];
export declare function sortFindings(findings: Finding[]): Finding[];
/** Highest severity among unsuppressed findings, for exit codes. */
export declare function worstSeverity(findings: readonly Finding[]): Severity | undefined;
