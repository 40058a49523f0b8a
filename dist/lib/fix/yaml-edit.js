"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyYamlEdits = applyYamlEdits;
exports.scalarText = scalarText;
// Minimal YAML edits: the `yaml` package finds each node and its source range (it keeps comments, tags and anchors
// in its CST), and the edit splices text at that range only. Nothing is re-serialised, so every byte outside the
// edited node stays as it was (comments, quoting, key order, flow/block style, `!Ref`/`!Sub`, blank lines, CRLF).
const yaml_1 = require("yaml");
/** Applies edits one at a time, re-reading the text after each, so no edit works on stale offsets. */
function applyYamlEdits(text, edits) {
    const skipped = [];
    for (const edit of edits) {
        const out = applyOne(text, edit);
        if (typeof out === 'string')
            text = out;
        else
            skipped.push({ edit, why: out.why });
    }
    return { text, skipped };
}
function applyOne(text, edit) {
    const docs = (0, yaml_1.parseAllDocuments)(text, { keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
    if (!Array.isArray(docs) || !docs[edit.document])
        return { why: `the file has no YAML document ${edit.document + 1}` };
    const doc = docs[edit.document];
    if (doc.errors.length)
        return { why: `YAML document ${edit.document + 1} does not parse: ${doc.errors[0].message}` };
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    let node = doc.contents;
    for (let i = 0; i < edit.path.length; i++) {
        const seg = edit.path[i];
        if ((0, yaml_1.isAlias)(node) || (node && node.anchor))
            return { why: 'the value is an anchor or alias shared with other places' };
        if ((0, yaml_1.isMap)(node)) {
            const found = node.items.find((p) => keyText(p) === String(seg));
            if (!found)
                return insertMissing(text, eol, node, edit.path.slice(i), edit);
            if (found.value === null || ((0, yaml_1.isScalar)(found.value) && found.value.value === null && !found.value.tag)) {
                if (i === edit.path.length - 1 && edit.op === 'set' && (0, yaml_1.isScalar)(found.value))
                    return replaceRange(text, found.value.range, scalarText(edit.value));
                return insertUnderEmptyKey(text, eol, found, edit.path.slice(i + 1), edit);
            }
            node = found.value;
        }
        else if ((0, yaml_1.isSeq)(node) && typeof seg === 'number') {
            if (seg < 0 || seg >= node.items.length)
                return { why: `list item ${seg} is not there` };
            node = node.items[seg];
        }
        else
            return { why: `the value at ${edit.path.slice(0, i).join('.') || 'the document root'} is not a mapping or list` };
    }
    if ((0, yaml_1.isAlias)(node) || (node && node.anchor))
        return { why: 'the value is an anchor or alias shared with other places' };
    switch (edit.op) {
        case 'set': {
            if (!(0, yaml_1.isScalar)(node))
                return { why: 'the value to set is not a scalar' };
            if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:'))
                return { why: `the value is tagged ${node.tag}` };
            const out = replaceRange(text, node.range, scalarText(edit.value, node.type));
            return edit.comment ? replaceTrailingComment(out, node.range[0] + scalarText(edit.value, node.type).length, edit.comment) : out;
        }
        case 'set-list': {
            if (!(0, yaml_1.isSeq)(node))
                return { why: 'the value to set is not a list' };
            if (node.tag)
                return { why: `the list is tagged ${node.tag}` };
            // The items keep the quoting the list's first item was written in.
            const first = node.items[0];
            const style = (0, yaml_1.isScalar)(first) ? first.type : undefined;
            if (node.flow || node.items.length === 0)
                return replaceRange(text, node.range, flowList(edit.value, style)); // a flow list's range ends after its ]
            return replaceBlockSeq(text, eol, node, edit.value, style);
        }
        case 'append': {
            if (!(0, yaml_1.isSeq)(node))
                return { why: 'the value to append to is not a list' };
            if (node.tag)
                return { why: `the list is tagged ${node.tag}` };
            return appendItem(text, eol, node, edit.value);
        }
    }
}
function keyText(p) {
    return (0, yaml_1.isScalar)(p.key) ? String(p.key.value) : undefined;
}
const YAML_KEYWORD = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const YAML_NUMBER = /^([-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;
/** A scalar as YAML text: the existing node's quoting is kept; new strings are plain where that reads the same. */
function scalarText(v, style) {
    const s = String(v);
    if (style === 'QUOTE_DOUBLE')
        return JSON.stringify(s);
    if (style === 'QUOTE_SINGLE')
        return `'${s.replace(/'/g, "''")}'`;
    if (typeof v !== 'string')
        return s;
    if (/^[A-Za-z0-9_/][A-Za-z0-9_/~.-]*$/.test(s) && !YAML_KEYWORD.test(s) && !YAML_NUMBER.test(s))
        return s;
    return JSON.stringify(s);
}
function flowList(values, style) {
    return `[${values.map((v) => scalarText(v, style)).join(', ')}]`;
}
function flowMap(value) {
    return `{${Object.entries(value)
        .map(([k, v]) => `${scalarText(k)}: ${scalarText(v)}`)
        .join(', ')}}`;
}
function replaceRange(text, range, by) {
    return text.slice(0, range[0]) + by + text.slice(range[1]);
}
function lineStart(text, offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
}
function columnOf(text, offset) {
    return offset - lineStart(text, offset);
}
/**
 * Where new lines go after a node whose value ends at `end`: block collections and block scalars end after their
 * newline (insert there); anything else ends mid-line (insert at the end of that line, after a trailing comment).
 */
function insertAfter(text, eol, end, lines) {
    if (end > 0 && text[end - 1] === '\n')
        return text.slice(0, end) + lines.join(eol) + eol + text.slice(end);
    let at = text.indexOf('\n', end);
    if (at < 0)
        at = text.length;
    else if (text[at - 1] === '\r')
        at--;
    return text.slice(0, at) + eol + lines.join(eol) + text.slice(at);
}
/** YAML lines for `rest` keys (all but the last are new mappings) holding the edit's value, at `indent`. */
function nestedLines(rest, edit, indent) {
    if (rest.some((s) => typeof s !== 'string'))
        return { why: 'a list the fix expects is not there' };
    const lines = [];
    let pad = indent;
    for (let i = 0; i < rest.length - 1; i++) {
        lines.push(`${pad}${scalarText(rest[i])}:`);
        pad += '  ';
    }
    const key = `${pad}${scalarText(rest[rest.length - 1])}:`;
    if (edit.op === 'set')
        lines.push(`${key} ${scalarText(edit.value)}`);
    else if (edit.op === 'set-list')
        lines.push(`${key} ${flowList(edit.value)}`);
    else {
        lines.push(key);
        lines.push(...mappingItemLines(edit.value, `${pad}  `));
    }
    return lines;
}
function mappingItemLines(value, dashPad) {
    return Object.entries(value).map(([k, v], i) => `${i === 0 ? `${dashPad}- ` : `${dashPad}  `}${scalarText(k)}: ${scalarText(v)}`);
}
function insertMissing(text, eol, map, rest, edit) {
    if (map.tag)
        return { why: `the mapping is tagged ${map.tag}` };
    if (map.flow || map.items.length === 0) {
        if (rest.some((s) => typeof s !== 'string'))
            return { why: 'a list the fix expects is not there' };
        // `{a: 1}` → `{a: 1, key: value}`; nested keys become nested flow mappings.
        let value = edit.op === 'set' ? scalarText(edit.value) : edit.op === 'set-list' ? flowList(edit.value) : `[${flowMap(edit.value)}]`;
        for (let i = rest.length - 1; i > 0; i--)
            value = `{${scalarText(rest[i])}: ${value}}`;
        const entry = `${scalarText(rest[0])}: ${value}`;
        if (map.items.length) {
            const last = map.items[map.items.length - 1];
            const end = last.value?.range?.[1] ?? last.key.range[1];
            return text.slice(0, end) + ', ' + entry + text.slice(end);
        }
        const range = map.range;
        const close = text.lastIndexOf('}', range[1] - 1);
        if (close < range[0])
            return { why: 'an empty mapping the fix cannot extend' };
        return text.slice(0, close) + entry + text.slice(close);
    }
    const first = map.items[0];
    const indent = ' '.repeat(columnOf(text, first.key.range[0]));
    const lines = nestedLines(rest, edit, indent);
    if (!Array.isArray(lines))
        return lines;
    const last = map.items[map.items.length - 1];
    const end = last.value?.range?.[1] ?? last.key.range[1];
    return insertAfter(text, eol, end, lines);
}
/** `config:` with nothing after it: the new keys go on the lines below, indented under it. */
function insertUnderEmptyKey(text, eol, pair, rest, edit) {
    if (rest.length === 0) {
        if (edit.op === 'set-list') {
            const v = pair.value;
            if (v?.range)
                return replaceRange(text, v.range, flowList(edit.value));
        }
        return { why: 'the value the fix changes is empty' };
    }
    const keyStart = pair.key.range[0];
    const indent = ' '.repeat(columnOf(text, keyStart) + 2);
    const lines = nestedLines(rest, edit, indent);
    if (!Array.isArray(lines))
        return lines;
    const v = pair.value;
    if (v?.range && v.range[1] > v.range[0]) {
        // `config: null` / `config: ~`: the null goes, the keys take its place.
        let start = v.range[0];
        while (start > 0 && text[start - 1] === ' ')
            start--;
        return text.slice(0, start) + eol + lines.join(eol) + text.slice(v.range[1]);
    }
    return insertAfter(text, eol, pair.key.range[1], lines);
}
/** A block list rewritten item by item at its own indentation (comments between items go with the old items). */
function replaceBlockSeq(text, eol, seq, values, style) {
    const range = seq.range;
    const firstItem = seq.items[0];
    const dash = text.lastIndexOf('-', firstItem.range[0]);
    if (dash < range[0] - 1 || dash < lineStart(text, firstItem.range[0]))
        return { why: 'a list whose layout the fix cannot read' };
    const pad = ' '.repeat(columnOf(text, dash));
    const gap = text.slice(dash + 1, firstItem.range[0]);
    const lines = values.map((v, i) => `${i === 0 ? '' : pad}-${gap}${scalarText(v, style)}`);
    // The list's range starts at its first dash and ends after the newline of its last item.
    const end = text[range[1] - 1] === '\n' ? range[1] - (text[range[1] - 2] === '\r' ? 2 : 1) : range[1];
    return text.slice(0, dash) + lines.join(eol) + text.slice(end);
}
function appendItem(text, eol, seq, value) {
    const range = seq.range;
    if (seq.items.length && seq.flow) {
        const end = seq.items[seq.items.length - 1].range[1];
        return text.slice(0, end) + ', ' + flowMap(value) + text.slice(end);
    }
    if (seq.items.length === 0) {
        const close = text.lastIndexOf(']', range[1] - 1);
        if (close < range[0])
            return { why: 'an empty list the fix cannot extend' };
        return text.slice(0, close) + flowMap(value) + text.slice(close);
    }
    const firstItem = seq.items[0];
    const dash = text.lastIndexOf('-', firstItem.range[0]);
    if (dash < lineStart(text, firstItem.range[0]))
        return { why: 'a list whose layout the fix cannot read' };
    const lines = mappingItemLines(value, ' '.repeat(columnOf(text, dash)));
    const last = seq.items[seq.items.length - 1];
    return insertAfter(text, eol, last.range[1], lines);
}
/** Rewrites the comment after `from` on its line when it names the old value (a YAML comment is `#` after a space). */
function replaceTrailingComment(text, from, comment) {
    let end = text.indexOf('\n', from);
    if (end < 0)
        end = text.length;
    if (text[end - 1] === '\r')
        end--;
    const m = /^(\s+)#\s?(.*)$/.exec(text.slice(from, end));
    if (!m || !m[2].includes(comment.mentions))
        return text;
    return text.slice(0, from) + `${m[1]}# ${comment.text}` + text.slice(end);
}
