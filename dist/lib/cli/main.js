"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HELP = void 0;
exports.main = main;
// `cachelint [paths…]`: argv → scan → report → exit code. Exit codes (README, Usage): 0 nothing at or above --fail-on,
// 1 findings at or above it, 2 usage error or any input that could not be read, parsed or recognised.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const config_1 = require("../config");
const engine_1 = require("../engine");
const findings_1 = require("../findings");
const meta_1 = require("../meta");
const errors_1 = require("../parse/errors");
const report_1 = require("../report");
const baseline_1 = require("../baseline");
const args_1 = require("./args");
const io_1 = require("./io");
exports.HELP = `Usage: cachelint [options] [paths...]
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
async function main(argv, io = (0, io_1.processIo)()) {
    if (argv[0] === 'probe') {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runProbe } = require('../probe/cli');
        return runProbe(argv.slice(1), io);
    }
    let args;
    try {
        args = parseCliArgs(argv);
    }
    catch (e) {
        io.stderr((0, args_1.argvProblem)(e, 'cachelint') + '\n');
        return 2;
    }
    const opts = args.values;
    if (opts.help) {
        io.stdout(exports.HELP + '\n');
        return 0;
    }
    if (opts.version) {
        io.stdout(meta_1.VERSION + '\n');
        return 0;
    }
    const format = opts.format;
    if (!(0, report_1.availableFormats)().includes(format)) {
        io.stderr(`cachelint: unknown --format "${format}" (one of: ${(0, report_1.availableFormats)().join(', ')})\n`);
        return 2;
    }
    const config = loadRunConfig(opts, io);
    if ('exit' in config)
        return config.exit;
    if (opts['print-config']) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { effectiveConfig } = require('./print-config');
        io.stdout(JSON.stringify(effectiveConfig(opts['print-config'], config.config, io.cwd), null, 2) + '\n');
        return 0;
    }
    const failOn = (opts['fail-on'] ?? config.config.failOn ?? 'error');
    if (!Object.hasOwn(findings_1.SEVERITY_RANK, failOn)) {
        io.stderr(`cachelint: --fail-on must be error, warning or info (got "${failOn}")\n`);
        return 2;
    }
    const baseline = readBaselineOption(opts, io);
    if ('exit' in baseline)
        return baseline.exit;
    const flagProblem = fixFlagProblem(opts);
    if (flagProblem) {
        io.stderr(`cachelint: ${flagProblem}\n`);
        return 2;
    }
    const scanned = scanOrFix(args.positionals, opts, config.config, baseline.baseline, io);
    if ('exit' in scanned)
        return scanned.exit;
    const result = scanned.result;
    const baselineWritten = opts['baseline-write'] ? writeBaselineOption(result, opts['baseline-write'], io) : false;
    if (typeof baselineWritten === 'object')
        return baselineWritten.exit;
    const reportExit = emitReport(result, format, opts, io);
    if (reportExit !== undefined)
        return reportExit;
    if (result.errors.length)
        return 2;
    if (baselineWritten)
        return 0;
    return (0, findings_1.failExitCode)(result.findings, failOn);
}
function parseCliArgs(argv) {
    return (0, node_util_1.parseArgs)({
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
/** --config, else the nearest cachelint.config.yaml (beside the --print-config file when given), else the defaults. */
function loadRunConfig(opts, io) {
    try {
        const file = opts.config ?? (0, config_1.findConfig)(opts['print-config'] ? (0, node_path_1.resolve)(io.cwd, (0, node_path_1.dirname)(opts['print-config'])) : io.cwd);
        return { config: file ? (0, config_1.loadConfig)(file) : (0, config_1.defaultConfig)() };
    }
    catch (e) {
        const where = opts.config ?? 'cachelint.config.yaml';
        if (e instanceof errors_1.InputProblem)
            io.stderr(`${where}${e.line ? `:${e.line}:${e.column}` : ''}: config error: ${e.message}\n`);
        else
            io.stderr(`cachelint: cannot load config: ${e.message}\n`);
        return { exit: 2 };
    }
}
function readBaselineOption(opts, io) {
    if (!opts.baseline)
        return { baseline: undefined };
    try {
        return { baseline: (0, baseline_1.readBaseline)(opts.baseline, io.cwd) };
    }
    catch (e) {
        io.stderr(`cachelint: baseline ${opts.baseline}: ${e.message}\n`);
        return { exit: 2 };
    }
}
/** The usage error of a --fix flag combination that cannot work, if any. */
function fixFlagProblem(opts) {
    const dryRun = opts['fix-dry-run'] || opts.diff;
    if ((opts.fix || dryRun) && opts['baseline-write'])
        return '--fix and --baseline-write do not go together (record the baseline after fixing)';
    if (opts['unsafe-fixes'] && !opts.fix && !dryRun)
        return '--unsafe-fixes needs --fix or --fix-dry-run';
    return undefined;
}
/** Scans, or with --fix / --fix-dry-run applies the fixes first; marks what the baseline already records. */
function scanOrFix(paths, opts, config, baseline, io) {
    const dryRun = opts['fix-dry-run'] || opts.diff;
    const scanOptions = { config, cwd: io.cwd, ignoreUnknown: opts['ignore-unknown'] };
    const markBaseline = (r) => {
        if (baseline)
            r.baseline = (0, baseline_1.applyBaseline)(r, baseline, opts.baseline, io.cwd);
    };
    if (opts.fix || dryRun) {
        // Loaded only here: the edit libraries (yaml, jsonc-parser) stay out of a scan's cold start.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runFixes } = require('../fix/run');
        return runFixes(paths, { ...scanOptions, unsafe: opts['unsafe-fixes'], dryRun: !!dryRun, prepare: markBaseline }, io);
    }
    const result = (0, engine_1.scan)(paths, scanOptions);
    markBaseline(result);
    return { result };
}
/** --baseline-write: true when written, false when refused for input errors, an exit code when the file cannot be written. */
function writeBaselineOption(result, file, io) {
    // A baseline from a partial scan would turn every finding of the unreadable files into "new" later: refuse.
    if (result.errors.length) {
        io.stderr(`cachelint: baseline not written to ${file}: fix the input errors first\n`);
        return false;
    }
    try {
        const written = (0, baseline_1.writeBaseline)(result.findings, file, io.cwd);
        io.stderr(`cachelint: wrote ${written.entries.length} baseline entr${written.entries.length === 1 ? 'y' : 'ies'} to ${file}\n`);
        return true;
    }
    catch (e) {
        if (e instanceof baseline_1.BaselineError || e.code) {
            io.stderr(`cachelint: cannot write ${file}: ${e.message}\n`);
            return { exit: 2 };
        }
        throw e;
    }
}
/** Writes the report to stdout or --output-file; returns an exit code only when the file cannot be written. */
function emitReport(result, format, opts, io) {
    const color = opts['no-color'] ? false : (opts.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb'));
    const report = (0, report_1.reporterFor)(format)(result, { color: format === 'stylish' && color, quiet: opts.quiet, verbose: opts.verbose, cwd: io.cwd });
    if (opts['output-file']) {
        try {
            (0, node_fs_1.writeFileSync)((0, node_path_1.resolve)(io.cwd, opts['output-file']), report);
        }
        catch (e) {
            io.stderr(`cachelint: cannot write ${opts['output-file']}: ${e.message}\n`);
            return 2;
        }
        // The terminal still gets the human-readable report.
        if (format !== 'stylish')
            io.stdout((0, report_1.reporterFor)('stylish')(result, { color, quiet: opts.quiet, verbose: opts.verbose }));
        else
            io.stdout(report);
    }
    else
        io.stdout(report);
    return undefined;
}
