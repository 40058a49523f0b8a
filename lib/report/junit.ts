// `--format junit`: JUnit XML for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps).
// One <testsuite> per file, one <testcase> per finding:
// - error and warning findings are <failure>s (they are what a reviewer must act on);
// - info findings pass, with the finding in <system-out> (visible, but not a red test);
// - suppressed findings are <skipped> with their reason (the audit trail stays in the report);
// - a scanned file without findings gets one passing testcase, so the report shows it was checked;
// - input errors are testcases with <error> (the file could not be judged).
// Files skipped as "not ours" are not listed (use --format json or --verbose for that).
import type { Finding, InputError, ScanResult } from '../findings';
import { TOOL_NAME } from '../meta';
import { messageText } from './sarif';
import { affectsLine, ruleLabel } from './summary';
import type { Reporter } from './types';

interface Case {
  name: string;
  classname: string;
  file: string;
  line?: number;
  body: string;
  failure: boolean;
  error: boolean;
  skipped: boolean;
}

export const junit: Reporter = (result: ScanResult) => {
  const suites = new Map<string, Case[]>();
  const suite = (file: string) => {
    let cases = suites.get(file);
    if (!cases) suites.set(file, (cases = []));
    return cases;
  };
  for (const e of result.errors) suite(e.file).push(errorCase(e));
  for (const f of result.findings) suite(f.file).push(findingCase(f));
  for (const rec of result.files) {
    if (rec.status === 'scanned' && !suites.has(rec.file))
      suite(rec.file).push({ name: 'no findings', classname: rec.file, file: rec.file, body: '', failure: false, error: false, skipped: false });
  }

  const files = [...suites.keys()].sort();
  const all = [...suites.values()].flat();
  const count = (cases: Case[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped).length,
  });
  const total = count(all);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${TOOL_NAME}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">`);
  for (const file of files) {
    const cases = suites.get(file)!;
    const c = count(cases);
    out.push(`  <testsuite name="${attr(file)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}">`);
    for (const t of cases) {
      const head = `    <testcase name="${attr(t.name)}" classname="${attr(t.classname)}" file="${attr(t.file)}"${t.line ? ` line="${t.line}"` : ''}`;
      if (!t.body && !t.failure && !t.error && !t.skipped) {
        out.push(`${head}/>`);
        continue;
      }
      out.push(`${head}>`);
      out.push(`      ${t.body}`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

function findingCase(f: Finding): Case {
  const name = `${ruleLabel(f)} [${f.findingId}] (${f.file}:${f.line}:${f.column})`;
  const details =
    `${f.file}:${f.line}:${f.column}: ${f.severity} ${ruleLabel(f)}\n` +
    `${(f.routes?.length ?? 0) > 1 ? `${affectsLine(f.routes, f.routes.length)}\n` : f.route ? `route: ${f.route}\n` : ''}${f.resource ? `resource: ${f.resource}\n` : ''}` +
    `${messageText(f)}\n${f.remediation.snippet ? `\n${f.remediation.snippet}\n` : ''}docs: ${f.docsUrl}`;
  const base = { name, classname: ruleLabel(f).replace(' ', '.'), file: f.file, line: f.line, failure: false, error: false, skipped: false };
  if (f.suppressed) return { ...base, skipped: true, body: `<skipped message="${attr(`suppressed: ${f.suppressed.reason}`)}"/>` };
  if (f.severity === 'info') return { ...base, body: `<system-out>${text(details)}</system-out>` };
  return { ...base, failure: true, body: `<failure type="${attr(f.ruleId)}" message="${attr(`${f.severity}: ${f.message}`)}">${text(details)}</failure>` };
}

function errorCase(e: InputError): Case {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  return {
    name: `input error ${e.code} (${where})`,
    classname: 'cachelint.input',
    file: e.file,
    line: e.line,
    failure: false,
    error: true,
    skipped: false,
    body: `<error type="${attr(e.code)}" message="${attr(e.message)}">${text(`${where}: ${e.code}: ${e.message}`)}</error>`,
  };
}

// XML 1.0 allows only tab, LF, CR and characters from U+0020 up (minus surrogate halves and U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function text(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and line breaks as character references so parsers do not normalise them away. */
export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
