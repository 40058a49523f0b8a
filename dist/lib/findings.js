"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEVERITY_RANK = void 0;
exports.failExitCode = failExitCode;
exports.SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
/** Exit 1 or 0: whether a finding that is not suppressed is at least as severe as `failOn` (the CLI and the probe). */
function failExitCode(findings, failOn) {
    const threshold = exports.SEVERITY_RANK[failOn];
    return findings.some((f) => !f.suppressed && exports.SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
