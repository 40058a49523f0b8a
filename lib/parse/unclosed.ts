// Where an unclosed construct opened. A YAML parser notices a missing `]`, `}` or closing quote only where it gives
// up — often lines later, as "deficient indentation" — so a syntax error is pointed at the `[`, `{` or quote that
// was never closed. A light scan of the text, run only after the parser failed: it knows where flow collections and
// quoted scalars can start (not inside a plain scalar such as `url: http://x/[id]`), comments and block scalars.

export interface Unclosed {
  /** `[`, `{`, `"` or `'`. */
  opener: string;
  offset: number;
  /** A closing bracket of the other kind that the scan met first (`{a: [1}`). */
  closedBy?: { closer: string; offset: number };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === undefined;

/** An open flow collection met by the scan. */
type Open = { opener: string; offset: number; closed: boolean; closedBy?: Unclosed['closedBy'] };

/**
 * The construct still open at `errorOffset` that explains the error: a quoted scalar the error lies in, or a flow
 * collection the error lies in that is never closed (or closed by the wrong bracket) anywhere in the text. An error
 * inside a flow collection that does close later (`[1, @x]`) is about its content, not about the bracket.
 */
export function findUnclosed(text: string, errorOffset: number): Unclosed | undefined {
  const stack: Open[] = []; // open flow collections, innermost last
  let quote: { opener: string; offset: number } | undefined;
  let atError: Unclosed | Open | undefined; // what was open where the parser gave up
  let mismatch: Open | undefined; // the first collection closed by the other kind of bracket
  let valueStart = true; // a flow collection or a quoted scalar can start here
  let lineIndent = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (i >= errorOffset && !atError) atError = quote ? { ...quote } : (stack[stack.length - 1] ?? { opener: '', offset: -1, closed: true });
    const c = text[i];
    if (quote) {
      if (quote.opener === '"' && c === '\\') i += 2;
      else if (quote.opener === "'" && c === "'" && text[i + 1] === "'") i += 2;
      else {
        if (c === quote.opener) {
          quote = undefined;
          valueStart = false;
        }
        i++;
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      i++;
      if (c === '\r' && text[i] === '\n') i++;
      lineIndent = indentAt(text, i);
      valueStart = true;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const prev = text[i - 1];
    if (c === '#' && (i === 0 || isSpace(prev) || isBreak(prev))) {
      i = lineEnd(text, i);
      continue;
    }
    const inFlow = stack.length > 0;
    if (valueStart && (c === '[' || c === '{')) {
      stack.push({ opener: c, offset: i, closed: false });
    } else if (inFlow && (c === ']' || c === '}')) {
      const wrongBracket = closeFlow(stack.pop()!, c, i);
      mismatch ??= wrongBracket;
      valueStart = false;
    } else if (valueStart && (c === '"' || c === "'")) {
      quote = { opener: c, offset: i };
    } else if (valueStart && !inFlow && (c === '|' || c === '>')) {
      i = blockScalarEnd(text, i, lineIndent);
      continue;
    } else if ((c === ':' || c === '-' || c === '?') && (isSpace(text[i + 1]) || isBreak(text[i + 1]) || (inFlow && c === ':'))) {
      valueStart = true; // after `key: `, `- ` and `? ` (and `"key":` in flow, as in JSON)
    } else if (inFlow && c === ',') {
      valueStart = true;
    } else if (valueStart && (c === '!' || c === '&')) {
      // A tag or an anchor: the node itself comes after it.
      while (i < n && !isSpace(text[i]) && !isBreak(text[i])) i++;
      continue;
    } else {
      valueStart = false; // part of a plain scalar (or an alias): `[`, `{` and quotes inside it are text
    }
    i++;
  }
  if (!atError) atError = quote ? { ...quote } : stack[stack.length - 1];
  return explain(atError, mismatch, errorOffset);
}

/** What to report, given what was open where the parser gave up and the first wrongly closed collection. */
function explain(atError: Unclosed | Open | undefined, mismatch: Open | undefined, errorOffset: number): Unclosed | undefined {
  if (mismatch && mismatch.closedBy!.offset <= errorOffset) return { opener: mismatch.opener, offset: mismatch.offset, closedBy: mismatch.closedBy };
  if (!atError || atError.offset < 0) return undefined;
  if (!('closed' in atError)) return atError; // the error is inside a quoted scalar: its quote is what is missing
  if (atError.closed && !atError.closedBy) return undefined; // closed later: the error is about its content
  return { opener: atError.opener, offset: atError.offset, ...(atError.closedBy ? { closedBy: atError.closedBy } : {}) };
}

/** Number of spaces and tabs at `i` (the start of a line). */
function indentAt(text: string, i: number): number {
  let j = i;
  while (isSpace(text[j])) j++;
  return j - i;
}

/** Offset of the line break (or end of text) at or after `i`. */
function lineEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && !isBreak(text[i])) i++;
  return i;
}

/** Marks a flow collection closed by `closer` at `offset`; returns it when the bracket is of the other kind. */
function closeFlow(open: Open, closer: string, offset: number): Open | undefined {
  open.closed = true;
  if (open.opener === (closer === ']' ? '[' : '{')) return undefined;
  open.closedBy = { closer, offset };
  return open;
}

/**
 * Where the block scalar whose indicator is at `i` ends: its lines are text, up to the first non-blank line indented
 * no deeper than the line the indicator is on (`lineIndent`).
 */
function blockScalarEnd(text: string, i: number, lineIndent: number): number {
  const n = text.length;
  for (;;) {
    i = lineEnd(text, i);
    let j = i + (text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1);
    const start = j;
    while (isSpace(text[j])) j++;
    if (start >= n || (!isBreak(text[j]) && j - start <= lineIndent)) break;
    i = start;
  }
  return i;
}
