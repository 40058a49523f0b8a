// `--format github`: GitHub Actions workflow commands, one annotation per finding on the PR diff.
//   ::error file=kong.yaml,line=12,col=7,endLine=12,endColumn=20,title=CL001 unsafe-method-cached::<message>. Fix: <fix>
// error → ::error, warning → ::warning, info → ::notice; input errors → ::error. Suppressed findings are not emitted
// (they are not actionable); --quiet keeps only error findings. Paths are relative to the repository root, which is
// what the runner resolves annotation paths against.
// Escaping follows @actions/core (toolkit command.ts): data escapes % CR LF; properties also escape : and ,.
import type { Finding, InputError, ScanResult } from '../findings';
import { TOOL_NAME } from '../meta';
import { repositoryRoot, rooted } from './paths';
import { messageText } from './sarif';
import { ruleLabel, summarize, visibleFindings } from './summary';
import type { ReportOptions, Reporter } from './types';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const github: Reporter = (result: ScanResult, options: ReportOptions) => {
  const cwd = options.cwd ?? process.cwd();
  const root = repositoryRoot(cwd);
  const path = (file: string) => rooted(file, cwd, root).relative ?? rooted(file, cwd, root).absolute;
  const lines: string[] = [];
  for (const e of result.errors) lines.push(errorCommand(e, path(e.file)));
  for (const f of visibleFindings(result, options.quiet)) lines.push(findingCommand(f, path(f.file)));
  const s = summarize(result);
  // A plain line (not a command) for the job log.
  lines.push(
    `${TOOL_NAME}: ${s.findings.total} finding(s) (${s.findings.error} error, ${s.findings.warning} warning, ${s.findings.info} info)` +
      `${s.suppressed ? `, ${s.suppressed} suppressed` : ''}; ${s.filesScanned} file(s) scanned${s.errors ? `, ${s.errors} input error(s)` : ''}`,
  );
  return lines.join('\n') + '\n';
};

export function findingCommand(f: Finding, file: string): string {
  const props: [string, string | number | undefined][] = [
    ['file', file],
    ['line', f.line],
    ['col', f.column],
    ['endLine', f.endLine],
    ['endColumn', f.endLine !== undefined ? f.endColumn : undefined],
    ['title', ruleLabel(f)],
  ];
  return command(COMMAND[f.severity], props, messageText(f));
}

export function errorCommand(e: InputError, file: string): string {
  return command(
    'error',
    [
      ['file', file],
      ['line', e.line],
      ['col', e.line ? e.column : undefined],
      ['title', `${TOOL_NAME} input error (${e.code})`],
    ],
    e.message,
  );
}

function command(name: string, props: [string, string | number | undefined][], message: string): string {
  const list = props.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name}${list.length ? ' ' + list.join(',') : ''}::${escapeData(message)}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
