"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.holdReason = holdReason;
exports.planFixes = planFixes;
exports.editedText = editedText;
exports.writeAtomic = writeAtomic;
exports.unifiedDiff = unifiedDiff;
exports.commonEnds = commonEnds;
// `--fix`: turn the findings' structured edits into file changes. Loaded only under --fix / --fix-dry-run (with the
// `yaml` and `jsonc-parser` packages it needs), so a scan's cold start never pays for it.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const json_edit_1 = require("./json-edit");
const yaml_edit_1 = require("./yaml-edit");
/** Why a finding's fix is not applied in this run, or undefined when it is. */
function holdReason(f, result, options, unresolved) {
    const fix = f.remediation.fix;
    if (!fix)
        return 'no automatic fix';
    if (f.suppressed)
        return 'suppressed';
    if (fix.safety === 'unsafe' && !options.unsafe)
        return 'unsafe fix (use --unsafe-fixes)';
    const files = new Set(fix.edits.map((e) => e.file));
    for (const file of files)
        if (result.errors.some((e) => e.file === file))
            return `${file} has input errors`;
    if (unresolved.has(`${f.file}\0${f.findingId}`))
        return 'a value of this setting cannot be resolved statically (CL006)';
    return undefined;
}
/** Computes the new text of every file some finding's fix edits; writes nothing. */
function planFixes(result, options) {
    const unresolved = new Set(result.findings.filter((f) => f.ruleId === 'CL006').map((f) => `${f.file}\0${f.findingId}`));
    const held = [];
    const byFile = new Map();
    for (const f of result.findings) {
        const why = holdReason(f, result, options, unresolved);
        if (why) {
            if (f.remediation.fix)
                held.push({ finding: f, why });
            continue;
        }
        for (const file of new Set(f.remediation.fix.edits.map((e) => e.file))) {
            const list = byFile.get(file) ?? [];
            list.push({ finding: f, edits: f.remediation.fix.edits.filter((e) => e.file === file) });
            byFile.set(file, list);
        }
    }
    const changes = [];
    for (const [file, items] of byFile) {
        const abs = (0, node_path_1.resolve)(options.cwd, file);
        const before = (0, node_fs_1.readFileSync)(abs, 'utf8');
        // One pass per file: identical edits (two findings that need the same change) apply once; a second edit of the
        // same value with another value is skipped, never merged.
        const seen = new Map();
        const edits = [];
        const owner = new Map();
        const skipped = [];
        for (const { finding, edits: es } of items)
            for (const e of es) {
                const what = JSON.stringify([e.op, e.value]);
                // Appends to one list are distinct by what they append; other edits by the value they change.
                const where = `${e.document}\0${JSON.stringify(e.path)}${e.op === 'append' ? `\0${what}` : ''}`;
                const prior = seen.get(where);
                if (prior === undefined) {
                    seen.set(where, what);
                    edits.push(e);
                    owner.set(e, finding);
                }
                else if (prior !== what)
                    skipped.push({ finding, why: `another fix already changes ${e.path.join('.')}` });
            }
        const out = isJson(file, before) ? (0, json_edit_1.applyJsonEdits)(before, edits) : (0, yaml_edit_1.applyYamlEdits)(before, edits);
        for (const s of out.skipped)
            skipped.push({ finding: owner.get(s.edit), why: s.why });
        const failed = new Set(skipped.map((s) => s.finding));
        const fixed = [...new Set(items.map((i) => i.finding))].filter((f) => !failed.has(f));
        changes.push({ file, before, after: out.text, fixed, skipped });
    }
    return { changes, held };
}
/** The text of one file after some edits (SARIF `fixes`); undefined when an edit does not apply. */
function editedText(file, text, edits) {
    const out = isJson(file, text) ? (0, json_edit_1.applyJsonEdits)(text, edits) : (0, yaml_edit_1.applyYamlEdits)(text, edits);
    return out.skipped.length ? undefined : out.text;
}
function isJson(file, text) {
    return /\.json$/i.test(file) || /^\s*[{[]/.test(text);
}
/** Replaces a file's contents atomically: a temp file beside it (same mode), then a rename over it. */
function writeAtomic(abs, text) {
    const mode = (0, node_fs_1.statSync)(abs).mode & 0o7777;
    const tmp = (0, node_path_1.join)((0, node_path_1.dirname)(abs), `.${(0, node_path_1.basename)(abs)}.cachelint-${process.pid}.tmp`);
    try {
        (0, node_fs_1.writeFileSync)(tmp, text, { mode });
        (0, node_fs_1.chmodSync)(tmp, mode);
        (0, node_fs_1.renameSync)(tmp, abs);
    }
    catch (e) {
        try {
            (0, node_fs_1.unlinkSync)(tmp);
        }
        catch {
            // the temp file was never created
        }
        throw e;
    }
}
/** A unified diff (`diff -u` style, 3 lines of context) of one file. */
function unifiedDiff(file, before, after) {
    if (before === after)
        return '';
    const a = splitLines(before);
    const b = splitLines(after);
    const ops = diffLines(a, b);
    const hunks = [];
    const CONTEXT = 3;
    let i = 0;
    while (i < ops.length) {
        if (ops[i].kind === ' ') {
            i++;
            continue;
        }
        let start = i;
        let ctx = 0;
        while (start > 0 && ops[start - 1].kind === ' ' && ctx < CONTEXT) {
            start--;
            ctx++;
        }
        let end = i;
        for (;;) {
            while (end < ops.length && ops[end].kind !== ' ')
                end++;
            let run = 0;
            while (end + run < ops.length && ops[end + run].kind === ' ')
                run++;
            if (end + run < ops.length && run <= 2 * CONTEXT)
                end += run;
            else {
                end += Math.min(run, CONTEXT);
                break;
            }
        }
        const slice = ops.slice(start, end);
        const aStart = ops[start].a;
        const bStart = ops[start].b;
        const aLen = slice.filter((o) => o.kind !== '+').length;
        const bLen = slice.filter((o) => o.kind !== '-').length;
        hunks.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@\n` + slice.map((o) => `${o.kind}${o.text}\n`).join(''));
        i = end;
    }
    return `--- a/${file}\n+++ b/${file}\n${hunks.join('')}`;
}
function splitLines(s) {
    const lines = s.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines.map((l) => l.replace(/\r$/, ''));
}
/** Line diff: common head and tail stripped, LCS on the (small) middle that fixes change. */
/** How many lines two texts share at the start (`head`) and, after that, at the end (`tail`). */
function commonEnds(a, b) {
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail])
        tail++;
    return { head, tail };
}
function diffLines(a, b) {
    const { head, tail } = commonEnds(a, b);
    const am = a.slice(head, a.length - tail);
    const bm = b.slice(head, b.length - tail);
    const ops = [];
    for (let i = 0; i < head; i++)
        ops.push({ kind: ' ', text: a[i], a: i, b: i });
    if (am.length * bm.length > 4_000_000) {
        am.forEach((t, i) => ops.push({ kind: '-', text: t, a: head + i, b: head }));
        bm.forEach((t, i) => ops.push({ kind: '+', text: t, a: head + am.length, b: head + i }));
    }
    else {
        const n = am.length;
        const m = bm.length;
        const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
        for (let i = n - 1; i >= 0; i--)
            for (let j = m - 1; j >= 0; j--)
                lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        let i = 0;
        let j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && am[i] === bm[j]) {
                ops.push({ kind: ' ', text: am[i], a: head + i, b: head + j });
                i++;
                j++;
            }
            else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.push({ kind: '-', text: am[i], a: head + i, b: head + j });
                i++;
            }
            else {
                ops.push({ kind: '+', text: bm[j], a: head + i, b: head + j });
                j++;
            }
        }
    }
    for (let k = 0; k < tail; k++)
        ops.push({ kind: ' ', text: a[a.length - tail + k], a: a.length - tail + k, b: b.length - tail + k });
    return ops;
}
