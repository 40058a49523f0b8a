import type { ScanOptions } from '../engine';
import type { ScanResult } from '../findings';
import type { Io } from '../cli/io';
export interface RunFixOptions extends ScanOptions {
    cwd: string;
    unsafe: boolean;
    dryRun: boolean;
    /** Marks baseline findings (they count as suppressed: not fixed). */
    prepare?: (result: ScanResult) => void;
}
/** Returns the scan to report, or an exit code when --fix refuses (generated input) or only prints a diff. */
export declare function runFixes(paths: readonly string[], options: RunFixOptions, io: Io): {
    result: ScanResult;
} | {
    exit: number;
};
