// `cachelint probe URL --method POST`: sends a small plan of real writes and judges how they were answered.
// Guarded: nothing is sent without the URL and the method stated; --dry-run (opt-in) prints the plan and sends
// nothing; at most --count writes (default 2, at most 10), each with a deadline; redirects only to the same host;
// TLS always verified; credentials redacted in every output; every request marked (User-Agent + X-Cachelint-Probe).
// Exit codes as for a scan: 0 clean, 1 findings at or above --fail-on, 2 usage, network or judging error, or an
// inconclusive run (no write answered 2xx: what a cache does with writes was never observed).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { argvProblem } from '../cli/args';
import { processIo, type Io } from '../cli/io';
import { defaultConfig, findConfig, loadConfig, type Config } from '../config';
import { failExitCode, SEVERITY_RANK, type InputError, type ScanResult, type Severity } from '../findings';
import { VERSION } from '../meta';
import { InputProblem } from '../parse/errors';
import { availableFormats, reporterFor } from '../report';
import { probeFindings } from './findings';
import { ProbeNetworkError, send, type ProbeResponse } from './http';
import { judge, parsePath, type ProbeExchange } from './judge';
import { buildPlan, describePlan, DEFAULT_COUNT, DEFAULT_TIMEOUT_MS, MARKER_HEADER, MAX_COUNT, parseTarget, PlanError, type Plan } from './plan';
import { redactUrl, scrubText } from './redact';

export const PROBE_HELP = `Usage: cachelint probe URL --method POST [options]

Sends the same write ${DEFAULT_COUNT} times, with JSON bodies that differ only in a fresh nonce, and reports how it
was answered: from a cache (CL101 ghost-200-observed), with cache headers (CL103), or without
Cache-Control: no-store (CL102). It sends REAL writes: point it at a test endpoint or one whose receiver
drops requests marked with the ${MARKER_HEADER} header. See docs/probe.md.

Options:
  -X, --method <m>         POST, PUT, PATCH or DELETE (required: the probe never guesses)
  -d, --data <template>    request body; {{nonce}} is replaced per request
                           (default {"probe":"cachelint","nonce":"{{nonce}}"}; '' sends no body)
  -H, --header <h>         "Name: value", repeatable; {{nonce}} allowed; credentials are redacted in output
      --count <n>          requests to send (default ${DEFAULT_COUNT}, 1–${MAX_COUNT})
      --timeout <ms>       deadline per request (default ${DEFAULT_TIMEOUT_MS})
      --expect-echo <path> JSON path where each answer must carry its own request's nonce (e.g. echo.nonce)
      --ca <file>          extra trusted CA certificate (PEM); TLS is always verified
      --dry-run            print the plan and send nothing
  -f, --format <name>      stylish (default), json, sarif, junit, github
  -o, --output-file <file> write the report to a file (stylish still goes to the terminal)
      --fail-on <level>    exit 1 on findings at or above: error (default), warning, info
  -q, --quiet              show only error-severity findings
  -c, --config <file>      config file (rule severities for CL101–CL103, failOn)
      --color / --no-color force colours on or off
  -h, --help               this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, network or TLS error, a timeout, or an
inconclusive run (no write was answered 2xx, so nothing about the cache was observed).`;

/** Sends one request of the plan; injectable for tests. */
export type Sender = typeof send;

export async function runProbe(argv: string[], io: Io = processIo(), sender: Sender = send): Promise<number> {
  let args;
  try {
    args = parseProbeArgs(argv);
  } catch (e) {
    io.stderr(argvProblem(e, 'cachelint probe') + '\n');
    return 2;
  }
  const opts = args.values;
  if (opts.help) {
    io.stdout(PROBE_HELP + '\n');
    return 0;
  }
  if (args.positionals.length !== 1)
    return usage(io, args.positionals.length ? 'give exactly one URL' : 'the URL is required (a probe sends real writes: say where)');
  if (!opts.method) return usage(io, '--method is required (a probe sends real writes: say which, e.g. --method POST)');
  const format = opts.format;
  if (!availableFormats().includes(format)) return usage(io, `unknown --format "${format}" (one of: ${availableFormats().join(', ')})`);

  const config = probeConfig(io, opts.config);
  if (!config) return 2;
  const failOn = (opts['fail-on'] ?? config.failOn ?? 'error') as Severity;
  if (!Object.hasOwn(SEVERITY_RANK, failOn)) return usage(io, `--fail-on must be error, warning or info (got "${failOn}")`);

  const planned = planFromArgs(args.positionals[0], opts, io.cwd);
  if (typeof planned === 'string') return usage(io, planned);
  const { plan, ca } = planned;
  // Header values given on the command line: scrubbed from any free text (network error messages) we print.
  const secrets = plan.requests.flatMap((r) => r.headers.map(([, v]) => v)).filter((v) => !v.startsWith('cachelint-probe/'));

  if (opts['dry-run']) {
    const described = describePlan(plan);
    if (format === 'json') io.stdout(JSON.stringify({ dryRun: true, plan: described }, null, 2) + '\n');
    else io.stdout(planText(described, !plan.bodiesDiffer));
    return 0;
  }
  if (!plan.bodiesDiffer && plan.requests.length > 1)
    io.stderr(
      'cachelint probe: the --data template has no {{nonce}}: the requests are identical, so identical answers prove nothing; only cache headers are judged.\n',
    );
  if (format === 'stylish')
    io.stderr(
      `cachelint probe: sending ${plan.requests.length} ${plan.method} request(s) to ${redactUrl(plan.url.toString())} (${MARKER_HEADER}: ${plan.runId})\n`,
    );

  const target = redactUrl(plan.url.toString());
  const result: ScanResult = { files: [{ file: target, status: 'scanned', format: 'probe' }], findings: [], errors: [] };
  const exchanges = await sendPlan(plan, sender, ca, result, secrets);
  if (result.errors.length === 0) judgeInto(result, exchanges, plan, config, opts['expect-echo'], format === 'stylish' ? io : undefined);

  if (!writeReport(io, result, format, opts)) return 2;
  if (result.errors.length) return 2;
  return failExitCode(result.findings, failOn);
}

function parseProbeArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      method: { type: 'string', short: 'X' },
      data: { type: 'string', short: 'd' },
      header: { type: 'string', short: 'H', multiple: true },
      count: { type: 'string' },
      timeout: { type: 'string' },
      'expect-echo': { type: 'string' },
      ca: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', short: 'f', default: 'stylish' },
      'output-file': { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      config: { type: 'string', short: 'c' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

type ProbeOptions = ReturnType<typeof parseProbeArgs>['values'];

/** The config file given or found; undefined (after saying why) when it cannot be loaded. */
function probeConfig(io: Io, configFile: string | undefined): Config | undefined {
  try {
    const file = configFile ? resolve(io.cwd, configFile) : findConfig(io.cwd);
    return file ? loadConfig(file) : defaultConfig();
  } catch (e) {
    const where = configFile ?? 'cachelint.config.yaml';
    io.stderr(
      e instanceof InputProblem
        ? `${where}${e.line ? `:${e.line}:${e.column}` : ''}: config error: ${e.message}\n`
        : `cachelint probe: cannot load config: ${(e as Error).message}\n`,
    );
    return undefined;
  }
}

function wholeNumber(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim())) throw new PlanError(`--${name} must be a whole number (got "${v}")`);
  return Number(v);
}

/** The plan and the extra CA, or the usage error that stops the run. */
function planFromArgs(url: string, opts: ProbeOptions, cwd: string): { plan: Plan; ca: Buffer | undefined } | string {
  try {
    parseTarget(url);
    const plan = buildPlan({
      url,
      method: opts.method!,
      data: opts.data,
      headers: opts.header,
      count: wholeNumber('count', opts.count),
      timeoutMs: wholeNumber('timeout', opts.timeout),
      version: VERSION,
    });
    if (opts['expect-echo'] !== undefined) parsePath(opts['expect-echo']);
    const ca = opts.ca ? readFileSync(resolve(cwd, opts.ca)) : undefined;
    return { plan, ca };
  } catch (e) {
    // PlanError, a bad --expect-echo path, an unreadable --ca file: all usage errors.
    return (e as Error).message;
  }
}

/** Sends the plan's writes in order; a network failure is recorded in `result` and ends the run. */
async function sendPlan(plan: Plan, sender: Sender, ca: Buffer | undefined, result: ScanResult, secrets: string[]): Promise<ProbeExchange[]> {
  const target = result.files[0].file;
  const exchanges: ProbeExchange[] = [];
  for (const request of plan.requests) {
    let response: ProbeResponse;
    try {
      response = await sender(request, { timeoutMs: plan.timeoutMs, ca });
    } catch (e) {
      // A network failure ends the run: the remaining writes are not sent, nothing is judged half-way.
      const kind = e instanceof ProbeNetworkError ? e.kind : 'network';
      result.errors.push({
        file: target,
        code: kind,
        message: scrubText(`write ${request.index} of ${plan.requests.length}: ${(e as Error).message}`, secrets),
      });
      result.files[0] = { file: target, status: 'error', format: 'probe', reason: kind };
      break;
    }
    exchanges.push({ request, response });
  }
  return exchanges;
}

/** Judges the answers into `result`'s findings and errors; `notes` (stylish output only) hears a run with no 2xx. */
function judgeInto(result: ScanResult, exchanges: ProbeExchange[], plan: Plan, config: Config, expectEcho: string | undefined, notes: Io | undefined): void {
  const target = result.files[0].file;
  const judgement = judge(exchanges, { expectEcho, bodiesDiffer: plan.bodiesDiffer });
  for (const p of judgement.problems) result.errors.push(probeError(target, p));
  result.findings = probeFindings(plan, judgement, { rules: config.rules });
  if (judgement.inconclusive) {
    // Nothing observed is not "nothing found": an error in every format, exit 2.
    result.errors.push({ file: target, code: 'inconclusive', message: judgement.inconclusive });
    result.files[0] = { file: target, status: 'error', format: 'probe', reason: 'inconclusive' };
  } else if (judgement.successful === 0) {
    // A cache answered although the write path did not: the findings stand on the cache's own headers.
    result.files[0].reason = `no write was answered 2xx (${exchanges.map((x) => x.response.status).join(', ')}): only cache-status headers were judged`;
    if (notes) notes.stderr(`cachelint probe: ${result.files[0].reason}\n`);
  }
}

/** Prints (and with --output-file writes) the report; false when the file cannot be written. */
function writeReport(io: Io, result: ScanResult, format: string, opts: ProbeOptions): boolean {
  const color = opts['no-color'] ? false : (opts.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb'));
  const reportOptions = { color: format === 'stylish' && color, quiet: opts.quiet, verbose: false, cwd: io.cwd };
  const report = reporterFor(format)(result, reportOptions);
  if (opts['output-file']) {
    try {
      writeFileSync(resolve(io.cwd, opts['output-file']), report);
    } catch (e) {
      io.stderr(`cachelint probe: cannot write ${opts['output-file']}: ${(e as Error).message}\n`);
      return false;
    }
    io.stdout(format === 'stylish' ? report : reporterFor('stylish')(result, { ...reportOptions, color }));
  } else io.stdout(report);
  return true;
}

function probeError(file: string, message: string): InputError {
  return { file, code: 'probe', message };
}

function usage(io: Io, message: string): number {
  io.stderr(`cachelint probe: ${message}\n\n${PROBE_HELP}\n`);
  return 2;
}

function planText(plan: ReturnType<typeof describePlan>, identical: boolean): string {
  const out = [
    `cachelint probe plan (dry run: nothing sent)`,
    `  ${plan.count} × ${plan.method} ${plan.url}, deadline ${plan.timeoutMs} ms each, marked ${plan.marker.header}: ${plan.marker.value}`,
  ];
  if (identical && plan.count > 1) out.push('  note: the body template has no {{nonce}}; the requests are identical');
  for (const r of plan.requests) {
    out.push('', `  #${r.index} ${r.method} ${r.url}`);
    for (const h of r.headers) out.push(`     ${h}`);
    out.push(r.body ? `     body: ${r.body}` : '     (no body)');
  }
  return out.join('\n') + '\n';
}
