"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.summarize = summarize;
exports.visibleFindings = visibleFindings;
exports.affectsLine = affectsLine;
exports.ruleLabel = ruleLabel;
exports.affectsSentence = affectsSentence;
function summarize(result) {
    const active = result.findings.filter((f) => !f.suppressed);
    const by = (s) => active.filter((f) => f.severity === s).length;
    return {
        filesScanned: result.files.filter((f) => f.status === 'scanned').length,
        filesSkipped: result.files.filter((f) => f.status === 'skipped' && f.kind !== 'folder').length,
        foldersSkipped: result.files.filter((f) => f.kind === 'folder').length,
        filesWithErrors: result.files.filter((f) => f.status === 'error').length,
        errors: result.errors.length,
        findings: { error: by('error'), warning: by('warning'), info: by('info'), total: active.length },
        suppressed: result.findings.length - active.length,
        ...(result.baseline ? { baseline: { ...result.baseline } } : {}),
    };
}
/** Findings a reporter shows: unsuppressed ones, and with --quiet only errors. */
function visibleFindings(result, quiet) {
    return result.findings.filter((f) => !f.suppressed && (!quiet || f.severity === 'error'));
}
/** `affects 9 routes: a, b, c, d, e, ... (+4)`: the routes one setting affects, compact. */
function affectsLine(routes, shown = 5) {
    const head = routes.slice(0, shown).join(', ');
    return `affects ${routes.length} routes: ${head}${routes.length > shown ? `, ... (+${routes.length - shown})` : ''}`;
}
/** `CL001 unsafe-method-cached`; checks whose id is already their name (`unused-suppression`) are named once. */
function ruleLabel(f) {
    return f.ruleName && f.ruleName !== f.ruleId ? `${f.ruleId} ${f.ruleName}` : f.ruleId;
}
/** ` Affects 3 routes: a, b, c.` after a message, when one setting affects several routes; else nothing. */
function affectsSentence(finding) {
    return (finding.routes?.length ?? 0) > 1 ? ` A${affectsLine(finding.routes).slice(1)}.` : '';
}
