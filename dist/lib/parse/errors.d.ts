/** A located problem with an input file. Parsers throw it; the engine turns it into an InputError (exit 2). */
export declare class InputProblem extends Error {
    readonly code: string;
    readonly line?: number | undefined;
    readonly column?: number | undefined;
    constructor(code: string, message: string, line?: number | undefined, column?: number | undefined);
}
