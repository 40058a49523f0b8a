import type { Finding, ScanResult } from '../findings';

export interface Summary {
  filesScanned: number;
  filesSkipped: number;
  /** Folders a directory walk left out (built-in, config `ignore`, git): listed in `files` with `kind: 'folder'`. */
  foldersSkipped: number;
  filesWithErrors: number;
  errors: number;
  findings: { error: number; warning: number; info: number; total: number };
  suppressed: number;
  baseline?: { file: string; matched: number; new: number; stale: number };
}

export function summarize(result: ScanResult): Summary {
  const active = result.findings.filter((f) => !f.suppressed);
  const by = (s: Finding['severity']) => active.filter((f) => f.severity === s).length;
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
export function visibleFindings(result: ScanResult, quiet?: boolean): Finding[] {
  return result.findings.filter((f) => !f.suppressed && (!quiet || f.severity === 'error'));
}

/** `affects 9 routes: a, b, c, d, e, ... (+4)`: the routes one setting affects, compact. */
export function affectsLine(routes: readonly string[], shown = 5): string {
  const head = routes.slice(0, shown).join(', ');
  return `affects ${routes.length} routes: ${head}${routes.length > shown ? `, ... (+${routes.length - shown})` : ''}`;
}

/** `CL001 unsafe-method-cached`; checks whose id is already their name (`unused-suppression`) are named once. */
export function ruleLabel(f: Pick<Finding, 'ruleId' | 'ruleName'>): string {
  return f.ruleName && f.ruleName !== f.ruleId ? `${f.ruleId} ${f.ruleName}` : f.ruleId;
}

/** ` Affects 3 routes: a, b, c.` after a message, when one setting affects several routes; else nothing. */
export function affectsSentence(finding: Pick<Finding, 'routes'>): string {
  return (finding.routes?.length ?? 0) > 1 ? ` A${affectsLine(finding.routes).slice(1)}.` : '';
}
