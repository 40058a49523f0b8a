"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROBE_HELP = void 0;
exports.runProbe = runProbe;
// `cachelint probe URL --method POST`: sends a small plan of real writes and judges how they were answered.
// Guarded: nothing is sent without the URL and the method stated; --dry-run (opt-in) prints the plan and sends
// nothing; at most --count writes (default 2, at most 10), each with a deadline; redirects only to the same host;
// TLS always verified; credentials redacted in every output; every request marked (User-Agent + X-Cachelint-Probe).
// Exit codes as for a scan: 0 clean, 1 findings at or above --fail-on, 2 usage, network or judging error, or an
// inconclusive run (no write answered 2xx: what a cache does with writes was never observed).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const args_1 = require("../cli/args");
const io_1 = require("../cli/io");
const config_1 = require("../config");
const findings_1 = require("../findings");
const meta_1 = require("../meta");
const errors_1 = require("../parse/errors");
const report_1 = require("../report");
const findings_2 = require("./findings");
const http_1 = require("./http");
const judge_1 = require("./judge");
const plan_1 = require("./plan");
const redact_1 = require("./redact");
exports.PROBE_HELP = `Usage: cachelint probe URL --method POST [options]

Sends the same write ${plan_1.DEFAULT_COUNT} times, with JSON bodies that differ only in a fresh nonce, and reports how it
was answered: from a cache (CL101 ghost-200-observed), with cache headers (CL103), or without
Cache-Control: no-store (CL102). It sends REAL writes: point it at a test endpoint or one whose receiver
drops requests marked with the ${plan_1.MARKER_HEADER} header. See docs/probe.md.

Options:
  -X, --method <m>         POST, PUT, PATCH or DELETE (required: the probe never guesses)
  -d, --data <template>    request body; {{nonce}} is replaced per request
                           (default {"probe":"cachelint","nonce":"{{nonce}}"}; '' sends no body)
  -H, --header <h>         "Name: value", repeatable; {{nonce}} allowed; credentials are redacted in output
      --count <n>          requests to send (default ${plan_1.DEFAULT_COUNT}, 1–${plan_1.MAX_COUNT})
      --timeout <ms>       deadline per request (default ${plan_1.DEFAULT_TIMEOUT_MS})
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
async function runProbe(argv, io = (0, io_1.processIo)(), sender = http_1.send) {
    let args;
    try {
        args = parseProbeArgs(argv);
    }
    catch (e) {
        io.stderr((0, args_1.argvProblem)(e, 'cachelint probe') + '\n');
        return 2;
    }
    const opts = args.values;
    if (opts.help) {
        io.stdout(exports.PROBE_HELP + '\n');
        return 0;
    }
    if (args.positionals.length !== 1)
        return usage(io, args.positionals.length ? 'give exactly one URL' : 'the URL is required (a probe sends real writes: say where)');
    if (!opts.method)
        return usage(io, '--method is required (a probe sends real writes: say which, e.g. --method POST)');
    const format = opts.format;
    if (!(0, report_1.availableFormats)().includes(format))
        return usage(io, `unknown --format "${format}" (one of: ${(0, report_1.availableFormats)().join(', ')})`);
    const config = probeConfig(io, opts.config);
    if (!config)
        return 2;
    const failOn = (opts['fail-on'] ?? config.failOn ?? 'error');
    if (!Object.hasOwn(findings_1.SEVERITY_RANK, failOn))
        return usage(io, `--fail-on must be error, warning or info (got "${failOn}")`);
    const planned = planFromArgs(args.positionals[0], opts, io.cwd);
    if (typeof planned === 'string')
        return usage(io, planned);
    const { plan, ca } = planned;
    // Header values given on the command line: scrubbed from any free text (network error messages) we print.
    const secrets = plan.requests.flatMap((r) => r.headers.map(([, v]) => v)).filter((v) => !v.startsWith('cachelint-probe/'));
    if (opts['dry-run']) {
        const described = (0, plan_1.describePlan)(plan);
        if (format === 'json')
            io.stdout(JSON.stringify({ dryRun: true, plan: described }, null, 2) + '\n');
        else
            io.stdout(planText(described, !plan.bodiesDiffer));
        return 0;
    }
    if (!plan.bodiesDiffer && plan.requests.length > 1)
        io.stderr('cachelint probe: the --data template has no {{nonce}}: the requests are identical, so identical answers prove nothing; only cache headers are judged.\n');
    if (format === 'stylish')
        io.stderr(`cachelint probe: sending ${plan.requests.length} ${plan.method} request(s) to ${(0, redact_1.redactUrl)(plan.url.toString())} (${plan_1.MARKER_HEADER}: ${plan.runId})\n`);
    const target = (0, redact_1.redactUrl)(plan.url.toString());
    const result = { files: [{ file: target, status: 'scanned', format: 'probe' }], findings: [], errors: [] };
    const exchanges = await sendPlan(plan, sender, ca, result, secrets);
    if (result.errors.length === 0)
        judgeInto(result, exchanges, plan, config, opts['expect-echo'], format === 'stylish' ? io : undefined);
    if (!writeReport(io, result, format, opts))
        return 2;
    if (result.errors.length)
        return 2;
    return (0, findings_1.failExitCode)(result.findings, failOn);
}
function parseProbeArgs(argv) {
    return (0, node_util_1.parseArgs)({
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
/** The config file given or found; undefined (after saying why) when it cannot be loaded. */
function probeConfig(io, configFile) {
    try {
        const file = configFile ? (0, node_path_1.resolve)(io.cwd, configFile) : (0, config_1.findConfig)(io.cwd);
        return file ? (0, config_1.loadConfig)(file) : (0, config_1.defaultConfig)();
    }
    catch (e) {
        const where = configFile ?? 'cachelint.config.yaml';
        io.stderr(e instanceof errors_1.InputProblem
            ? `${where}${e.line ? `:${e.line}:${e.column}` : ''}: config error: ${e.message}\n`
            : `cachelint probe: cannot load config: ${e.message}\n`);
        return undefined;
    }
}
function wholeNumber(name, v) {
    if (v === undefined)
        return undefined;
    if (!/^\d+$/.test(v.trim()))
        throw new plan_1.PlanError(`--${name} must be a whole number (got "${v}")`);
    return Number(v);
}
/** The plan and the extra CA, or the usage error that stops the run. */
function planFromArgs(url, opts, cwd) {
    try {
        (0, plan_1.parseTarget)(url);
        const plan = (0, plan_1.buildPlan)({
            url,
            method: opts.method,
            data: opts.data,
            headers: opts.header,
            count: wholeNumber('count', opts.count),
            timeoutMs: wholeNumber('timeout', opts.timeout),
            version: meta_1.VERSION,
        });
        if (opts['expect-echo'] !== undefined)
            (0, judge_1.parsePath)(opts['expect-echo']);
        const ca = opts.ca ? (0, node_fs_1.readFileSync)((0, node_path_1.resolve)(cwd, opts.ca)) : undefined;
        return { plan, ca };
    }
    catch (e) {
        // PlanError, a bad --expect-echo path, an unreadable --ca file: all usage errors.
        return e.message;
    }
}
/** Sends the plan's writes in order; a network failure is recorded in `result` and ends the run. */
async function sendPlan(plan, sender, ca, result, secrets) {
    const target = result.files[0].file;
    const exchanges = [];
    for (const request of plan.requests) {
        let response;
        try {
            response = await sender(request, { timeoutMs: plan.timeoutMs, ca });
        }
        catch (e) {
            // A network failure ends the run: the remaining writes are not sent, nothing is judged half-way.
            const kind = e instanceof http_1.ProbeNetworkError ? e.kind : 'network';
            result.errors.push({
                file: target,
                code: kind,
                message: (0, redact_1.scrubText)(`write ${request.index} of ${plan.requests.length}: ${e.message}`, secrets),
            });
            result.files[0] = { file: target, status: 'error', format: 'probe', reason: kind };
            break;
        }
        exchanges.push({ request, response });
    }
    return exchanges;
}
/** Judges the answers into `result`'s findings and errors; `notes` (stylish output only) hears a run with no 2xx. */
function judgeInto(result, exchanges, plan, config, expectEcho, notes) {
    const target = result.files[0].file;
    const judgement = (0, judge_1.judge)(exchanges, { expectEcho, bodiesDiffer: plan.bodiesDiffer });
    for (const p of judgement.problems)
        result.errors.push(probeError(target, p));
    result.findings = (0, findings_2.probeFindings)(plan, judgement, { rules: config.rules });
    if (judgement.inconclusive) {
        // Nothing observed is not "nothing found": an error in every format, exit 2.
        result.errors.push({ file: target, code: 'inconclusive', message: judgement.inconclusive });
        result.files[0] = { file: target, status: 'error', format: 'probe', reason: 'inconclusive' };
    }
    else if (judgement.successful === 0) {
        // A cache answered although the write path did not: the findings stand on the cache's own headers.
        result.files[0].reason = `no write was answered 2xx (${exchanges.map((x) => x.response.status).join(', ')}): only cache-status headers were judged`;
        if (notes)
            notes.stderr(`cachelint probe: ${result.files[0].reason}\n`);
    }
}
/** Prints (and with --output-file writes) the report; false when the file cannot be written. */
function writeReport(io, result, format, opts) {
    const color = opts['no-color'] ? false : (opts.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb'));
    const reportOptions = { color: format === 'stylish' && color, quiet: opts.quiet, verbose: false, cwd: io.cwd };
    const report = (0, report_1.reporterFor)(format)(result, reportOptions);
    if (opts['output-file']) {
        try {
            (0, node_fs_1.writeFileSync)((0, node_path_1.resolve)(io.cwd, opts['output-file']), report);
        }
        catch (e) {
            io.stderr(`cachelint probe: cannot write ${opts['output-file']}: ${e.message}\n`);
            return false;
        }
        io.stdout(format === 'stylish' ? report : (0, report_1.reporterFor)('stylish')(result, { ...reportOptions, color }));
    }
    else
        io.stdout(report);
    return true;
}
function probeError(file, message) {
    return { file, code: 'probe', message };
}
function usage(io, message) {
    io.stderr(`cachelint probe: ${message}\n\n${exports.PROBE_HELP}\n`);
    return 2;
}
function planText(plan, identical) {
    const out = [
        `cachelint probe plan (dry run: nothing sent)`,
        `  ${plan.count} × ${plan.method} ${plan.url}, deadline ${plan.timeoutMs} ms each, marked ${plan.marker.header}: ${plan.marker.value}`,
    ];
    if (identical && plan.count > 1)
        out.push('  note: the body template has no {{nonce}}; the requests are identical');
    for (const r of plan.requests) {
        out.push('', `  #${r.index} ${r.method} ${r.url}`);
        for (const h of r.headers)
            out.push(`     ${h}`);
        out.push(r.body ? `     body: ${r.body}` : '     (no body)');
    }
    return out.join('\n') + '\n';
}
