// `cachelint [paths…]`: argv → scan → report → exit code. Exit codes (README, Usage): 0 nothing at or above --fail-on,
// 1 findings at or above it, 2 usage error or any input that could not be read, parsed or recognised.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig, findConfig, loadConfig, type Config } from '../config';
import { scan } from '../engine';
import type { ScanResult, Severity } from '../findings';
import { failExitCode, SEVERITY_RANK } from '../findings';
import { VERSION } from '../meta';
import { InputProblem } from '../parse/errors';
import { availableFormats, reporterFor } from '../report';
import { applyBaseline, BaselineError, readBaseline, writeBaseline, type Baseline } from '../baseline';

import { argvProblem } from './args';
import { processIo, type Io } from './io';

export type { Io };

export const HELP = `Usage: cachelint [options] [paths...]
       cachelint probe URL --method POST [options]   (live check, see docs/probe.md)

Finds HTTP caches that answer writes from cache ("ghost 200s") in Kong declarative config, Kong Ingress
manifests, CloudFormation/SAM templates and cdk.out. Paths default to the current folder.

Options:
  -f, --format <name>      stylish (default), json, sarif, junit, github
  -o, --output-file <file> write the report to a file (stylish still goes to the terminal)
      --fail-on <level>    exit 1 on findings at or above: error (default), warning, info
  -q, --quiet              show only error-severity findings
  -c, --config <file>      config file (default: nearest cachelint.config.yaml)
      --print-config <f>   print the effective settings for a file and exit
      --baseline <file>    report only findings not recorded in this baseline (the rest count as suppressed)
      --baseline-write <f> record today's unsuppressed findings as a baseline (no line numbers) and exit 0
      --ignore-unknown     skip named files that are not Kong/CloudFormation instead of exit 2, and pass when
                           nothing was scannable (for pre-commit and lint-staged, which pass every staged file)
      --fix                apply the safe fixes in place (Kong, Kong Ingress, CloudFormation/SAM; never cdk.out),
                           then report what remains
      --unsafe-fixes       with --fix or --fix-dry-run, also apply fixes that may change what is cached for reads
      --fix-dry-run, --diff  print the fixes as a unified diff and change nothing (exit 1 when a file would change)
      --verbose            list skipped files and folders (gitignored, built-in, config ignore)
      --color / --no-color force colours on or off (default: on a TTY, off with NO_COLOR)
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable/unknown input.`;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  if (argv[0] === 'probe') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runProbe } = require('../probe/cli') as { runProbe: (a: string[], io?: unknown) => Promise<number> };
    return runProbe(argv.slice(1), io);
  }
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.stderr(argvProblem(e, 'cachelint') + '\n');
    return 2;
  }
  const opts = args.values;
  if (opts.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (opts.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const format = opts.format;
  if (!availableFormats().includes(format)) {
    io.stderr(`cachelint: unknown --format "${format}" (one of: ${availableFormats().join(', ')})\n`);
    return 2;
  }

  const config = loadRunConfig(opts, io);
  if ('exit' in config) return config.exit;
  if (opts['print-config']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { effectiveConfig } = require('./print-config') as typeof import('./print-config');
    io.stdout(JSON.stringify(effectiveConfig(opts['print-config'], config.config, io.cwd), null, 2) + '\n');
    return 0;
  }
  const failOn = (opts['fail-on'] ?? config.config.failOn ?? 'error') as Severity;
  if (!Object.hasOwn(SEVERITY_RANK, failOn)) {
    io.stderr(`cachelint: --fail-on must be error, warning or info (got "${failOn}")\n`);
    return 2;
  }

  const baseline = readBaselineOption(opts, io);
  if ('exit' in baseline) return baseline.exit;
  const flagProblem = fixFlagProblem(opts);
  if (flagProblem) {
    io.stderr(`cachelint: ${flagProblem}\n`);
    return 2;
  }
  const scanned = scanOrFix(args.positionals, opts, config.config, baseline.baseline, io);
  if ('exit' in scanned) return scanned.exit;
  const result = scanned.result;
  const baselineWritten = opts['baseline-write'] ? writeBaselineOption(result, opts['baseline-write'], io) : false;
  if (typeof baselineWritten === 'object') return baselineWritten.exit;
  const reportExit = emitReport(result, format, opts, io);
  if (reportExit !== undefined) return reportExit;

  if (result.errors.length) return 2;
  if (baselineWritten) return 0;
  return failExitCode(result.findings, failOn);
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      'output-file': { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      config: { type: 'string', short: 'c' },
      'print-config': { type: 'string' },
      baseline: { type: 'string' },
      'baseline-write': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      'unsafe-fixes': { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      diff: { type: 'boolean', default: false },
      'ignore-unknown': { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
}

type Options = ReturnType<typeof parseCliArgs>['values'];
/** An exit code for main to return at once (the message is already on stderr). */
type Exit = { exit: number };

/** --config, else the nearest cachelint.config.yaml (beside the --print-config file when given), else the defaults. */
function loadRunConfig(opts: Options, io: Io): { config: Config } | Exit {
  try {
    const file = opts.config ?? findConfig(opts['print-config'] ? resolve(io.cwd, dirname(opts['print-config'])) : io.cwd);
    return { config: file ? loadConfig(file) : defaultConfig() };
  } catch (e) {
    const where = opts.config ?? 'cachelint.config.yaml';
    if (e instanceof InputProblem) io.stderr(`${where}${e.line ? `:${e.line}:${e.column}` : ''}: config error: ${e.message}\n`);
    else io.stderr(`cachelint: cannot load config: ${(e as Error).message}\n`);
    return { exit: 2 };
  }
}

function readBaselineOption(opts: Options, io: Io): { baseline: Baseline | undefined } | Exit {
  if (!opts.baseline) return { baseline: undefined };
  try {
    return { baseline: readBaseline(opts.baseline, io.cwd) };
  } catch (e) {
    io.stderr(`cachelint: baseline ${opts.baseline}: ${(e as Error).message}\n`);
    return { exit: 2 };
  }
}

/** The usage error of a --fix flag combination that cannot work, if any. */
function fixFlagProblem(opts: Options): string | undefined {
  const dryRun = opts['fix-dry-run'] || opts.diff;
  if ((opts.fix || dryRun) && opts['baseline-write']) return '--fix and --baseline-write do not go together (record the baseline after fixing)';
  if (opts['unsafe-fixes'] && !opts.fix && !dryRun) return '--unsafe-fixes needs --fix or --fix-dry-run';
  return undefined;
}

/** Scans, or with --fix / --fix-dry-run applies the fixes first; marks what the baseline already records. */
function scanOrFix(paths: string[], opts: Options, config: Config, baseline: Baseline | undefined, io: Io): { result: ScanResult } | Exit {
  const dryRun = opts['fix-dry-run'] || opts.diff;
  const scanOptions = { config, cwd: io.cwd, ignoreUnknown: opts['ignore-unknown'] };
  const markBaseline = (r: ScanResult) => {
    if (baseline) r.baseline = applyBaseline(r, baseline, opts.baseline!, io.cwd);
  };
  if (opts.fix || dryRun) {
    // Loaded only here: the edit libraries (yaml, jsonc-parser) stay out of a scan's cold start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runFixes } = require('../fix/run') as typeof import('../fix/run');
    return runFixes(paths, { ...scanOptions, unsafe: opts['unsafe-fixes'], dryRun: !!dryRun, prepare: markBaseline }, io);
  }
  const result = scan(paths, scanOptions);
  markBaseline(result);
  return { result };
}

/** --baseline-write: true when written, false when refused for input errors, an exit code when the file cannot be written. */
function writeBaselineOption(result: ScanResult, file: string, io: Io): boolean | Exit {
  // A baseline from a partial scan would turn every finding of the unreadable files into "new" later: refuse.
  if (result.errors.length) {
    io.stderr(`cachelint: baseline not written to ${file}: fix the input errors first\n`);
    return false;
  }
  try {
    const written = writeBaseline(result.findings, file, io.cwd);
    io.stderr(`cachelint: wrote ${written.entries.length} baseline entr${written.entries.length === 1 ? 'y' : 'ies'} to ${file}\n`);
    return true;
  } catch (e) {
    if (e instanceof BaselineError || (e as NodeJS.ErrnoException).code) {
      io.stderr(`cachelint: cannot write ${file}: ${(e as Error).message}\n`);
      return { exit: 2 };
    }
    throw e;
  }
}

/** Writes the report to stdout or --output-file; returns an exit code only when the file cannot be written. */
function emitReport(result: ScanResult, format: string, opts: Options, io: Io): number | undefined {
  const color = opts['no-color'] ? false : (opts.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb'));
  const report = reporterFor(format)(result, { color: format === 'stylish' && color, quiet: opts.quiet, verbose: opts.verbose, cwd: io.cwd });
  if (opts['output-file']) {
    try {
      writeFileSync(resolve(io.cwd, opts['output-file']), report);
    } catch (e) {
      io.stderr(`cachelint: cannot write ${opts['output-file']}: ${(e as Error).message}\n`);
      return 2;
    }
    // The terminal still gets the human-readable report.
    if (format !== 'stylish') io.stdout(reporterFor('stylish')(result, { color, quiet: opts.quiet, verbose: opts.verbose }));
    else io.stdout(report);
  } else io.stdout(report);
  return undefined;
}
