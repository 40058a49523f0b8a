"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.junit = void 0;
exports.text = text;
exports.attr = attr;
const meta_1 = require("../meta");
const sarif_1 = require("./sarif");
const summary_1 = require("./summary");
const junit = (result) => {
    const suites = new Map();
    const suite = (file) => {
        let cases = suites.get(file);
        if (!cases)
            suites.set(file, (cases = []));
        return cases;
    };
    for (const e of result.errors)
        suite(e.file).push(errorCase(e));
    for (const f of result.findings)
        suite(f.file).push(findingCase(f));
    for (const rec of result.files) {
        if (rec.status === 'scanned' && !suites.has(rec.file))
            suite(rec.file).push({ name: 'no findings', classname: rec.file, file: rec.file, body: '', failure: false, error: false, skipped: false });
    }
    const files = [...suites.keys()].sort();
    const all = [...suites.values()].flat();
    const count = (cases) => ({
        tests: cases.length,
        failures: cases.filter((c) => c.failure).length,
        errors: cases.filter((c) => c.error).length,
        skipped: cases.filter((c) => c.skipped).length,
    });
    const total = count(all);
    const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
    out.push(`<testsuites name="${meta_1.TOOL_NAME}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">`);
    for (const file of files) {
        const cases = suites.get(file);
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
exports.junit = junit;
function findingCase(f) {
    const name = `${(0, summary_1.ruleLabel)(f)} [${f.findingId}] (${f.file}:${f.line}:${f.column})`;
    const details = `${f.file}:${f.line}:${f.column}: ${f.severity} ${(0, summary_1.ruleLabel)(f)}\n` +
        `${(f.routes?.length ?? 0) > 1 ? `${(0, summary_1.affectsLine)(f.routes, f.routes.length)}\n` : f.route ? `route: ${f.route}\n` : ''}${f.resource ? `resource: ${f.resource}\n` : ''}` +
        `${(0, sarif_1.messageText)(f)}\n${f.remediation.snippet ? `\n${f.remediation.snippet}\n` : ''}docs: ${f.docsUrl}`;
    const base = { name, classname: (0, summary_1.ruleLabel)(f).replace(' ', '.'), file: f.file, line: f.line, failure: false, error: false, skipped: false };
    if (f.suppressed)
        return { ...base, skipped: true, body: `<skipped message="${attr(`suppressed: ${f.suppressed.reason}`)}"/>` };
    if (f.severity === 'info')
        return { ...base, body: `<system-out>${text(details)}</system-out>` };
    return { ...base, failure: true, body: `<failure type="${attr(f.ruleId)}" message="${attr(`${f.severity}: ${f.message}`)}">${text(details)}</failure>` };
}
function errorCase(e) {
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
function text(s) {
    return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Attribute values: also quotes, and line breaks as character references so parsers do not normalise them away. */
function attr(s) {
    return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
