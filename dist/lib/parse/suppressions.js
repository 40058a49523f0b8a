"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findSuppressions = findSuppressions;
exports.coverNodes = coverNodes;
const MARKER = 'cachelint-disable-next-line';
const COMMENT = /^(\s*)#\s*cachelint-disable-next-line\b(.*)$/;
function findSuppressions(text) {
    if (!text.includes(MARKER))
        return []; // the common case costs one scan
    const lines = text.split(/\r?\n/);
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const m = COMMENT.exec(lines[i]);
        if (!m)
            continue;
        const [spec, ...rest] = m[2].split('--');
        const reason = rest.join('--').trim() || undefined;
        const ruleIds = spec
            .split(/[\s,]+/)
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean);
        let target = i + 1;
        while (target < lines.length && /^\s*(#.*)?$/.test(lines[target]))
            target++;
        out.push({ line: i + 1, column: m[1].length + 1, endColumn: lines[i].trimEnd().length + 1, target: target + 1, ruleIds, reason });
    }
    return out;
}
/**
 * Sets each comment's `covers`: the outermost mapping entry or sequence item that starts on its target line, or the
 * whole document when the target is the document's first line or its `---`. Only the lines below a comment are
 * measured, so a file pays for this only when it has comments.
 */
function coverNodes(parsed, comments) {
    for (const c of comments) {
        let covers;
        if (/^---(\s|$)/.test(parsed.lines.lineText(c.target))) {
            // A `---` starts the next document: cover all of it (a Kong Ingress manifest, one of several in a file).
            const doc = parsed.documents.find((d) => parsed.lines.position(d.start).line >= c.target);
            const root = doc && parsed.lines.position(doc.start).line;
            if (doc)
                covers = { line: c.target, endLine: doc.extentAt(root)?.endLine ?? root };
        }
        else {
            for (const doc of parsed.documents)
                if ((covers = doc.extentAt(c.target)))
                    break;
        }
        if (covers)
            c.covers = covers;
    }
}
