/** Offset → 1-based line/column, built once per file on the first request (positions are asked for only when a finding is made). */
export declare class LineIndex {
    private readonly text;
    private starts;
    constructor(text: string);
    private build;
    position(offset: number): {
        line: number;
        column: number;
    };
    /** The text of a 1-based line, without its line ending. */
    lineText(line: number): string;
    get lineCount(): number;
}
