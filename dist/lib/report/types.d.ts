import type { ScanResult } from '../findings';
export interface ReportOptions {
    color: boolean;
    /** Only errors-severity findings (and input errors). */
    quiet?: boolean;
    /** List skipped files too. */
    verbose?: boolean;
    /** Folder that relative paths in SARIF are relative to. */
    cwd?: string;
}
export type Reporter = (result: ScanResult, options: ReportOptions) => string;
