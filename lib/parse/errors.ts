/** A located problem with an input file. Parsers throw it; the engine turns it into an InputError (exit 2). */
export class InputProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'InputProblem';
  }
}
