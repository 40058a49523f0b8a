// Default terminal output, modelled on rustc/actionlint: file:line:col, rule id and name, the message, a code frame
// with the offending span underlined, a `help:` line with the fix, the snippet and the docs link.
import { styleText } from 'node:util';
import type { Finding, InputError } from '../findings';
import { LineIndex } from '../parse/lines';
import { affectsLine, ruleLabel, summarize, visibleFindings } from './summary';
import type { Reporter } from './types';

type Style = Parameters<typeof styleText>[0];

export const stylish: Reporter = (result, options) => {
  const paint = (style: Style, s: string) => (options.color ? styleText(style, s) : s);
  const out: string[] = [];
  const indexes = new Map<string, LineIndex>();
  const lineOf = (file: string, line: number): string | undefined => {
    const text = result.sources?.get(file);
    if (text === undefined) return undefined;
    let idx = indexes.get(file);
    if (!idx) indexes.set(file, (idx = new LineIndex(text)));
    return line <= idx.lineCount ? idx.lineText(line) : undefined;
  };

  for (const e of result.errors) out.push(...renderError(e, paint, lineOf));

  const findings = visibleFindings(result, options.quiet);
  let current = '';
  for (const f of findings) {
    if (f.file !== current) {
      current = f.file;
      out.push('', paint('underline', f.file));
    }
    out.push(...renderFinding(f, paint, lineOf));
  }
  if (options.verbose) {
    const skipped = result.files.filter((f) => f.status === 'skipped' && f.kind !== 'folder');
    if (skipped.length) {
      out.push('', paint('dim', `skipped ${skipped.length} file(s):`));
      for (const s of skipped) out.push(paint('dim', `  ${s.file}: ${s.reason ?? 'not recognised'}`));
    }
    const folders = result.files.filter((f) => f.kind === 'folder');
    if (folders.length) {
      out.push('', paint('dim', `skipped ${folders.length} folder(s):`));
      for (const s of folders) out.push(paint('dim', `  ${s.file}: ${s.reason}`));
    }
  }
  const s = summarize(result);
  const parts = [`${s.findings.error} error(s)`, `${s.findings.warning} warning(s)`, `${s.findings.info} info`];
  const problems = s.findings.total;
  const line =
    `${problems || s.errors ? '✖' : '✔'} ${problems} finding(s) (${parts.join(', ')})` +
    `${s.suppressed ? `, ${s.suppressed} suppressed` : ''}; ${s.filesScanned} file(s) scanned` +
    `${s.filesSkipped ? `, ${s.filesSkipped} skipped` : ''}` +
    `${s.errors ? `, ${s.errors} input error(s)` : ''}` +
    `${s.baseline ? `; baseline ${s.baseline.file}: ${s.baseline.matched} matched, ${s.baseline.new} new, ${s.baseline.stale} no longer occur` : ''}`;
  out.push('', paint(s.errors || s.findings.error ? 'red' : problems ? 'yellow' : 'green', line));
  return out.join('\n') + '\n';
};

function severityLabel(sev: Finding['severity'], paint: (s: Style, t: string) => string): string {
  if (sev === 'error') return paint(['red', 'bold'], 'error');
  if (sev === 'warning') return paint(['yellow', 'bold'], 'warning');
  return paint(['blue', 'bold'], 'info');
}

function renderFinding(f: Finding, paint: (s: Style, t: string) => string, lineOf: (file: string, line: number) => string | undefined): string[] {
  const out: string[] = [];
  out.push(`${f.file}:${f.line}:${f.column}: ${severityLabel(f.severity, paint)} ${paint('bold', ruleLabel(f))} ${paint('dim', `[${f.findingId}]`)}`);
  out.push(`  ${f.message}`);
  if ((f.routes?.length ?? 0) > 1) out.push(`  ${paint('dim', affectsLine(f.routes))}`);
  out.push(...codeFrame(f.line, f.column, f.endLine === f.line ? f.endColumn : undefined, (n) => lineOf(f.file, n), paint));
  out.push(`  ${paint(['cyan', 'bold'], 'help:')} ${f.remediation.summary}`);
  const fix = f.remediation.fix;
  if (fix && !f.suppressed)
    out.push(
      `  ${paint(['cyan', 'bold'], 'fix:')} ${fix.safety === 'safe' ? 'safe, applied by cachelint --fix' : 'unsafe (may change what is cached for reads), applied by cachelint --fix --unsafe-fixes'}`,
    );
  if (f.remediation.snippet) for (const l of f.remediation.snippet.split('\n')) out.push(`  ${paint('dim', '|')}   ${paint('green', l)}`);
  out.push(`  ${paint('dim', `docs: ${f.docsUrl}`)}`);
  return out;
}

function renderError(e: InputError, paint: (s: Style, t: string) => string, lineOf: (file: string, line: number) => string | undefined): string[] {
  const loc = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  const out = [`${loc}: ${paint(['red', 'bold'], 'input error')} ${paint('bold', e.code)}: ${e.message}`];
  if (e.line) out.push(...codeFrame(e.line, e.column ?? 1, undefined, (n) => lineOf(e.file, n), paint));
  return out;
}

function codeFrame(
  line: number,
  column: number,
  endColumn: number | undefined,
  text: (line: number) => string | undefined,
  paint: (s: Style, t: string) => string,
): string[] {
  const src = text(line);
  if (src === undefined) return [];
  const width = String(line).length;
  const gutter = (n?: number) => paint('dim', `${n === undefined ? ' '.repeat(width) : String(n).padStart(width)} |`);
  const prev = line > 1 ? text(line - 1) : undefined;
  const out: string[] = [];
  if (prev !== undefined && prev.trim()) out.push(`  ${gutter(line - 1)} ${prev}`);
  out.push(`  ${gutter(line)} ${src}`);
  const start = Math.max(1, column);
  let len = endColumn && endColumn > start ? endColumn - start : tokenLength(src, start - 1);
  len = Math.max(1, Math.min(len, Math.max(1, src.length - start + 1)));
  out.push(`  ${gutter()} ${' '.repeat(start - 1)}${paint('red', '^'.repeat(len))}`);
  return out;
}

function tokenLength(src: string, from: number): number {
  const m = /^[^\s:,\]}]+/.exec(src.slice(from));
  return m ? m[0].length : 1;
}
