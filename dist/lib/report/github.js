"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.github = void 0;
exports.findingCommand = findingCommand;
exports.errorCommand = errorCommand;
exports.escapeData = escapeData;
exports.escapeProperty = escapeProperty;
const meta_1 = require("../meta");
const paths_1 = require("./paths");
const sarif_1 = require("./sarif");
const summary_1 = require("./summary");
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' };
const github = (result, options) => {
    const cwd = options.cwd ?? process.cwd();
    const root = (0, paths_1.repositoryRoot)(cwd);
    const path = (file) => (0, paths_1.rooted)(file, cwd, root).relative ?? (0, paths_1.rooted)(file, cwd, root).absolute;
    const lines = [];
    for (const e of result.errors)
        lines.push(errorCommand(e, path(e.file)));
    for (const f of (0, summary_1.visibleFindings)(result, options.quiet))
        lines.push(findingCommand(f, path(f.file)));
    const s = (0, summary_1.summarize)(result);
    // A plain line (not a command) for the job log.
    lines.push(`${meta_1.TOOL_NAME}: ${s.findings.total} finding(s) (${s.findings.error} error, ${s.findings.warning} warning, ${s.findings.info} info)` +
        `${s.suppressed ? `, ${s.suppressed} suppressed` : ''}; ${s.filesScanned} file(s) scanned${s.errors ? `, ${s.errors} input error(s)` : ''}`);
    return lines.join('\n') + '\n';
};
exports.github = github;
function findingCommand(f, file) {
    const props = [
        ['file', file],
        ['line', f.line],
        ['col', f.column],
        ['endLine', f.endLine],
        ['endColumn', f.endLine !== undefined ? f.endColumn : undefined],
        ['title', (0, summary_1.ruleLabel)(f)],
    ];
    return command(COMMAND[f.severity], props, (0, sarif_1.messageText)(f));
}
function errorCommand(e, file) {
    return command('error', [
        ['file', file],
        ['line', e.line],
        ['col', e.line ? e.column : undefined],
        ['title', `${meta_1.TOOL_NAME} input error (${e.code})`],
    ], e.message);
}
function command(name, props, message) {
    const list = props.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
    return `::${name}${list.length ? ' ' + list.join(',') : ''}::${escapeData(message)}`;
}
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
