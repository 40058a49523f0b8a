"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InputProblem = void 0;
/** A located problem with an input file. Parsers throw it; the engine turns it into an InputError (exit 2). */
class InputProblem extends Error {
    code;
    line;
    column;
    constructor(code, message, line, column) {
        super(message);
        this.code = code;
        this.line = line;
        this.column = column;
        this.name = 'InputProblem';
    }
}
exports.InputProblem = InputProblem;
