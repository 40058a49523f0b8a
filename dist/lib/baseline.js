"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BaselineError = exports.BASELINE_VERSION = void 0;
exports.buildBaseline = buildBaseline;
exports.writeBaseline = writeBaseline;
exports.readBaseline = readBaseline;
exports.applyBaseline = applyBaseline;
// Baselines: adopt cachelint on a repository with existing findings without hiding new ones.
// `--baseline-write FILE` records today's unsuppressed findings; `--baseline FILE` marks findings recorded there as
// suppressed (reason "in baseline FILE", an *external* suppression in SARIF) so only new ones count for the exit code
// and the human formats, while json/sarif keep the baselined ones visible as suppressed: code scanning then shows
// them as suppressed instead of closing them as "fixed". Entries carry no line numbers (rule id + file + findingId),
// so they survive edits that move lines; file paths are relative to the baseline file's folder, so it works from any
// working directory.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const meta_1 = require("./meta");
exports.BASELINE_VERSION = 1;
class BaselineError extends Error {
}
exports.BaselineError = BaselineError;
function keyOf(e) {
    return `${e.ruleId}\u0000${e.file}\u0000${e.findingId}`;
}
/** A finding's file as stored in a baseline at `baselinePath`. */
function fileFor(finding, baselinePath, cwd) {
    const absolute = (0, node_path_1.isAbsolute)(finding.file) ? finding.file : (0, node_path_1.resolve)(cwd, finding.file);
    return (0, node_path_1.relative)((0, node_path_1.dirname)((0, node_path_1.resolve)(cwd, baselinePath)), absolute)
        .split(node_path_1.sep)
        .join('/');
}
/** True for findings a baseline applies to: active ones, or ones a baseline already suppressed. */
function baselineable(f) {
    return !f.suppressed || /^baseline\b/.test(f.suppressed.source ?? '');
}
function buildBaseline(findings, baselinePath, cwd) {
    const entries = new Map();
    for (const f of findings) {
        if (!baselineable(f))
            continue;
        const entry = { ruleId: f.ruleId, file: fileFor(f, baselinePath, cwd), findingId: f.findingId };
        if (f.resource)
            entry.resource = f.resource;
        entries.set(keyOf(entry), entry);
    }
    const sorted = [...entries.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    return { tool: meta_1.TOOL_NAME, version: exports.BASELINE_VERSION, entries: sorted };
}
function writeBaseline(findings, baselinePath, cwd) {
    const baseline = buildBaseline(findings, baselinePath, cwd);
    (0, node_fs_1.writeFileSync)((0, node_path_1.resolve)(cwd, baselinePath), JSON.stringify(baseline, null, 2) + '\n');
    return baseline;
}
function readBaseline(baselinePath, cwd) {
    let text;
    try {
        text = (0, node_fs_1.readFileSync)((0, node_path_1.resolve)(cwd, baselinePath), 'utf8');
    }
    catch (e) {
        throw new BaselineError(`cannot read: ${e.code ?? e.message}`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new BaselineError(`not valid JSON: ${e.message}`);
    }
    const obj = data;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
        throw new BaselineError('not a cachelint baseline (expected an object with "version" and "entries")');
    if (obj.version !== exports.BASELINE_VERSION)
        throw new BaselineError(`unsupported baseline version ${JSON.stringify(obj.version)} (this cachelint reads version ${exports.BASELINE_VERSION})`);
    if (!Array.isArray(obj.entries))
        throw new BaselineError('"entries" must be a list');
    obj.entries.forEach((e, i) => {
        const entry = e;
        for (const key of ['ruleId', 'file', 'findingId']) {
            if (!entry || typeof entry[key] !== 'string' || entry[key] === '')
                throw new BaselineError(`entries[${i}]: "${key}" must be a non-empty string`);
        }
    });
    return { tool: typeof obj.tool === 'string' ? obj.tool : meta_1.TOOL_NAME, version: obj.version, entries: obj.entries };
}
/** Marks findings recorded in `baseline` as suppressed and counts matched / new / stale. */
function applyBaseline(result, baseline, baselinePath, cwd) {
    const known = new Set(baseline.entries.map(keyOf));
    const used = new Set();
    let matched = 0;
    let fresh = 0;
    const shown = baselinePath.split(node_path_1.sep).join('/');
    for (const f of result.findings) {
        if (f.suppressed)
            continue;
        const key = keyOf({ ruleId: f.ruleId, file: fileFor(f, baselinePath, cwd), findingId: f.findingId });
        if (known.has(key)) {
            f.suppressed = { reason: `in baseline ${shown}`, source: `baseline ${shown}` };
            used.add(key);
            matched++;
        }
        else
            fresh++;
    }
    return { file: shown, matched, new: fresh, stale: known.size - used.size };
}
