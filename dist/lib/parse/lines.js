"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineIndex = void 0;
/** Offset → 1-based line/column, built once per file on the first request (positions are asked for only when a finding is made). */
class LineIndex {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    build() {
        const starts = [0];
        const t = this.text;
        let i = t.indexOf('\n');
        while (i !== -1) {
            starts.push(i + 1);
            i = t.indexOf('\n', i + 1);
        }
        return starts;
    }
    position(offset) {
        const starts = (this.starts ??= this.build());
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        // Columns count UTF-16 code units, as editors and SARIF (default) do.
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    /** The text of a 1-based line, without its line ending. */
    lineText(line) {
        const starts = (this.starts ??= this.build());
        const start = starts[line - 1];
        if (start === undefined)
            return '';
        const end = line < starts.length ? starts[line] - 1 : this.text.length;
        return this.text.slice(start, end).replace(/\r$/, '');
    }
    get lineCount() {
        return (this.starts ??= this.build()).length;
    }
}
exports.LineIndex = LineIndex;
