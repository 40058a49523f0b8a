"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_MAX_BYTES = void 0;
exports.readSource = readSource;
exports.decodeSource = decodeSource;
// Reading an input file: size limit, binary and encoding checks, BOM. Nothing here guesses: a file that cannot be
// read as UTF-8 text is a located error, never an empty scan.
const node_fs_1 = require("node:fs");
const errors_1 = require("./errors");
exports.DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });
function readSource(file, maxBytes = exports.DEFAULT_MAX_BYTES) {
    let size;
    try {
        const st = (0, node_fs_1.statSync)(file);
        // A FIFO or device would block or never end: only regular files are configuration.
        if (!st.isFile())
            throw new errors_1.InputProblem('unreadable', st.isDirectory() ? 'is a directory' : 'not a regular file (a FIFO, socket or device)');
        size = st.size;
    }
    catch (e) {
        if (e instanceof errors_1.InputProblem)
            throw e;
        throw new errors_1.InputProblem('unreadable', `cannot read file: ${e.code ?? e.message}`);
    }
    if (size > maxBytes)
        throw new errors_1.InputProblem('too-large', `file is ${size} bytes, over the ${maxBytes}-byte limit (set maxFileBytes in cachelint.config.yaml to raise it)`);
    let buf;
    try {
        buf = (0, node_fs_1.readFileSync)(file);
    }
    catch (e) {
        throw new errors_1.InputProblem('unreadable', `cannot read file: ${e.code ?? e.message}`);
    }
    return decodeSource(buf);
}
function decodeSource(buf) {
    const nul = buf.indexOf(0);
    if (nul !== -1) {
        const { line, column } = positionOfByte(buf, nul);
        throw new errors_1.InputProblem('binary', 'binary content (a NUL byte): not a text configuration file', line, column);
    }
    let text;
    try {
        text = decoder.decode(buf);
    }
    catch {
        const bad = firstInvalidUtf8(buf);
        const { line, column } = positionOfByte(buf, bad);
        throw new errors_1.InputProblem('encoding', 'not valid UTF-8 (YAML and JSON inputs must be UTF-8)', line, column);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function positionOfByte(buf, index) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < index; i++)
        if (buf[i] === 10) {
            line++;
            lineStart = i + 1;
        }
    // Columns count UTF-16 units like every other position (the bytes before `index` on its line are valid UTF-8).
    return { line, column: buf.toString('utf8', lineStart, index).length + 1 };
}
function firstInvalidUtf8(buf) {
    let i = 0;
    while (i < buf.length) {
        const b = buf[i];
        const n = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
        if (n === 0)
            return i;
        for (let k = 1; k < n; k++)
            if (i + k >= buf.length || buf[i + k] >> 6 !== 2)
                return i;
        i += n;
    }
    return buf.length;
}
