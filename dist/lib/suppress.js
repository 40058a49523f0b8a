"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUPPRESSION_RULES = exports.INVALID_SUPPRESSION = exports.UNUSED_SUPPRESSION = void 0;
exports.applySuppressions = applySuppressions;
const meta_1 = require("./meta");
exports.UNUSED_SUPPRESSION = 'unused-suppression';
exports.INVALID_SUPPRESSION = 'invalid-suppression';
const DOCS = 'README.md#suppressions-and-configuration';
/** The two checks on directives, as rules so that reports (SARIF's rule list) can describe them. */
exports.SUPPRESSION_RULES = [
    {
        id: exports.UNUSED_SUPPRESSION,
        name: exports.UNUSED_SUPPRESSION,
        severity: 'warning',
        summary: 'A suppression (comment or Metadata.cachelint.ignore entry) suppresses no finding.',
        rationale: 'A suppression that no longer matches anything was left behind by a fix, or was put where it covers nothing; it would silently hide a later finding in the same place. Remove it, or move the comment onto the line above the node that holds the finding.',
        docs: DOCS,
        remediation: {},
    },
    {
        id: exports.INVALID_SUPPRESSION,
        name: exports.INVALID_SUPPRESSION,
        severity: 'warning',
        summary: 'A suppression has no reason or names no cachelint rule, so it suppresses nothing.',
        rationale: 'Every suppression carries a reason, so that each silenced finding leaves an audit trail, and names the rules it silences.',
        docs: DOCS,
        remediation: {},
    },
];
/** Marks the findings that a directive with a reason covers, and returns the findings about the directives themselves. */
function applySuppressions(items, options) {
    const comments = options.comments?.size ? options.comments : undefined;
    const matched = suppressCovered(items, comments);
    const out = [];
    const report = (ruleId, at, message, fix, where) => {
        const finding = directiveFinding(ruleId, at, message, fix, where, options);
        if (finding)
            out.push(finding);
    };
    checkComments(comments, matched, options, report);
    checkIgnores(matched, options, report);
    return out;
}
/** Suppresses each finding that a directive with a reason covers; returns what every directive covered. */
function suppressCovered(items, comments) {
    const matched = new Map();
    for (const { finding: f, subject, owners, ignores } of items) {
        if (comments) {
            for (const file of f.file === subject.file ? [f.file] : [f.file, subject.file]) {
                for (const c of comments.get(file) ?? []) {
                    if (c.ruleIds.length && !c.ruleIds.includes(f.ruleId))
                        continue;
                    const from = c.covers?.line ?? c.target;
                    const to = c.covers?.endLine ?? c.target;
                    const inside = (f.file === file && f.line >= from && f.line <= to) || (subject.file === file && subject.line >= from && subject.line <= to);
                    if (!inside)
                        continue;
                    match(matched, c, f.ruleId);
                    if (c.reason && !f.suppressed)
                        f.suppressed = { reason: c.reason, source: `comment at ${file}:${c.line}` };
                }
            }
        }
        for (const s of ignores ?? []) {
            if (s.ruleId !== f.ruleId || !owners.includes(s.resource))
                continue;
            match(matched, s, f.ruleId);
            if (s.reason && !f.suppressed)
                f.suppressed = { reason: s.reason, source: `Metadata.cachelint.ignore of ${s.resource}` };
        }
    }
    return matched;
}
function match(matched, d, ruleId) {
    const m = matched.get(d);
    if (m)
        m.add(ruleId);
    else
        matched.set(d, new Set([ruleId]));
}
/** A finding about a directive, at the severity the config gives its check; none when the config turns it off. */
function directiveFinding(ruleId, at, message, fix, where, options) {
    const configured = options.severity?.(ruleId);
    if (configured === 'off')
        return undefined;
    const rule = exports.SUPPRESSION_RULES.find((r) => r.id === ruleId);
    const finding = {
        ruleId,
        ruleName: rule.name,
        severity: configured ?? rule.severity,
        message,
        platform: 'cachelint',
        resource: where.resource,
        route: '',
        findingId: where.findingId,
        file: at.file,
        line: at.line,
        column: at.column,
        endLine: at.endLine,
        endColumn: at.endColumn,
        remediation: { summary: fix },
        routes: [],
        docsUrl: (0, meta_1.docsUrl)(rule),
    };
    if (at.logicalId)
        finding.logicalId = at.logicalId;
    return finding;
}
const list = (ids) => ids.join(', ');
/** Reports the suppression comments that name unknown rules, give no reason, or cover no finding. */
function checkComments(comments, matched, options, report) {
    for (const [file, found] of comments ?? []) {
        for (const c of found) {
            const at = { file, line: c.line, column: c.column, endLine: c.line, endColumn: c.endColumn };
            const where = { resource: 'cachelint-disable-next-line', findingId: `cachelint-disable-next-line ${c.ruleIds.length ? list(c.ruleIds) : '(all rules)'}` };
            const lines = c.covers && c.covers.endLine > c.covers.line ? `lines ${c.covers.line}-${c.covers.endLine}` : `line ${c.target}`;
            const hits = matched.get(c);
            const unknown = c.ruleIds.filter((id) => !options.known.has(id));
            if (unknown.length)
                report(exports.INVALID_SUPPRESSION, at, `cachelint-disable-next-line names ${unknown.length === 1 ? 'no cachelint rule' : 'ids that are not cachelint rules'}: ${list(unknown)}.`, `Name rule ids as cachelint reports them (${exampleIds(options.known)}), comma-separated, before " -- reason".`, where);
            if (!c.reason) {
                const would = hits ? ` (it covers ${list([...hits])} findings in ${lines})` : '';
                report(exports.INVALID_SUPPRESSION, at, `cachelint-disable-next-line has no "-- reason", so it suppresses nothing${would}.`, `Say why the finding is acceptable after " -- ": # cachelint-disable-next-line ${c.ruleIds.length ? list(c.ruleIds) : 'CL001'} -- <why this is safe>.`, where);
                continue;
            }
            const named = c.ruleIds.filter((id) => options.known.has(id) && options.enabled.has(id));
            const idle = c.ruleIds.length ? named.filter((id) => !hits?.has(id)) : hits ? [] : ['(all rules)'];
            if (!idle.length)
                continue;
            const partly = idle.length < c.ruleIds.length;
            report(exports.UNUSED_SUPPRESSION, at, `This cachelint-disable-next-line comment suppresses nothing${partly ? ` for ${list(idle)}` : ''}: no ${c.ruleIds.length ? `${list(idle)} ` : ''}finding is located in ${lines}, nor about an endpoint declared there.`, partly
                ? `Remove ${list(idle)} from the comment (its other rule ids are in use).`
                : 'Remove the comment, or move it onto the line above the node that holds the finding (the plugin entry, the route, the resource).', where);
        }
    }
}
/** Reports the Metadata.cachelint.ignore entries that name no rule, give no reason, or cover no finding. */
function checkIgnores(matched, options, report) {
    for (const group of options.ignores ?? []) {
        for (const s of group) {
            const where = { resource: s.resource, findingId: `${s.resource}/Metadata/cachelint/ignore/${s.ruleId || '?'}` };
            const at = { ...locationOf(s.at), logicalId: s.resource };
            if (!options.known.has(s.ruleId)) {
                report(exports.INVALID_SUPPRESSION, at, s.ruleId
                    ? `Metadata.cachelint.ignore on ${s.resource} names ${s.ruleId}, which is not a cachelint rule.`
                    : `Metadata.cachelint.ignore on ${s.resource} has an entry without an "id".`, `Each entry is { id: <rule id such as ${exampleIds(options.known)}>, reason: <why this is safe> }.`, where);
                continue;
            }
            const hits = matched.get(s);
            if (!s.reason) {
                report(exports.INVALID_SUPPRESSION, at, `Metadata.cachelint.ignore on ${s.resource} has no reason for ${s.ruleId}, so it suppresses nothing${hits ? ` (it covers ${s.ruleId} findings of ${s.resource})` : ''}.`, `Add a reason to the entry: { id: ${s.ruleId}, reason: <why this is safe> }.`, where);
                continue;
            }
            if (!hits && options.enabled.has(s.ruleId))
                report(exports.UNUSED_SUPPRESSION, at, `Metadata.cachelint.ignore on ${s.resource} for ${s.ruleId} suppresses nothing: no ${s.ruleId} finding is on ${s.resource} or on an endpoint it declares.`, `Remove the entry from ${s.resource}'s Metadata, or put it on the resource that holds the setting the finding points at.`, where);
        }
    }
}
function exampleIds(known) {
    const ids = [...known].filter((id) => /^CL\d+$/.test(id)).sort();
    return ids.length > 2 ? `${ids[0]}...${ids[ids.length - 1]}` : ids.join(', ');
}
/** A plain copy: the adapter's location may compute its line on first read. */
function locationOf(at) {
    return { file: at.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
}
