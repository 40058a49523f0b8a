"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyJsonEdits = applyJsonEdits;
// Minimal JSON edits with jsonc-parser's modify/applyEdits: only the changed property or item is rewritten, in the
// file's own indentation and line endings; everything else (key order, spacing elsewhere) stays byte for byte.
const jsonc_parser_1 = require("jsonc-parser");
function applyJsonEdits(text, edits) {
    const skipped = [];
    const formattingOptions = formattingOf(text);
    for (const edit of edits) {
        if (edit.document !== 0) {
            skipped.push({ edit, why: 'a JSON file has one document' });
            continue;
        }
        const tree = (0, jsonc_parser_1.parseTree)(text);
        if (!tree) {
            skipped.push({ edit, why: 'the file does not parse as JSON' });
            continue;
        }
        const node = (0, jsonc_parser_1.findNodeAtLocation)(tree, edit.path);
        let path = edit.path;
        let value = edit.value;
        if (edit.op === 'append') {
            if (node && node.type !== 'array') {
                skipped.push({ edit, why: 'the value to append to is not a list' });
                continue;
            }
            // jsonc-parser appends at index -1; an absent list is created holding the item.
            if (node)
                path = [...edit.path, -1];
            else
                value = [edit.value];
        }
        else if (node && (node.type === 'object' || (edit.op === 'set' && node.type === 'array'))) {
            skipped.push({ edit, why: `the value to set is a${node.type === 'object' ? ' mapping' : ' list'}` });
            continue;
        }
        text = (0, jsonc_parser_1.applyEdits)(text, (0, jsonc_parser_1.modify)(text, path, value, { formattingOptions }));
    }
    return { text, skipped };
}
/** The file's own indentation (the first indented line) and line ending. */
function formattingOf(text) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const m = /\n([ \t]+)\S/.exec(text);
    const indent = m ? m[1] : '  ';
    return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
