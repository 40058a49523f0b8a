"use strict";
// `# cachelint-disable-next-line CL001[, CL002] -- reason` comments. A reason is required: without one the comment
// suppresses nothing and is itself reported, so every silenced finding carries an audit trail.
Object.defineProperty(exports, "__esModule", { value: true });
exports.findSuppressions = findSuppressions;
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
        out.push({ line: i + 1, column: m[1].length + 1, target: target + 1, ruleIds, reason });
    }
    return out;
}
//# sourceMappingURL=suppressions.js.map