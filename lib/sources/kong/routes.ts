// Which methods a Kong route accepts (docs/platforms/kong.md#declarative-config): `methods` absent or empty = all methods; expression routes
// (router_flavor = expressions) are read conservatively: the result over-approximates the methods that can match.
import { ALL_METHODS, type Method } from '../../model';

const METHOD_SET = new Set<string>(ALL_METHODS);

export type MethodsResult = { ok: true; methods: Method[]; ignored: string[] } | { ok: false; why: string };

/** Route `methods` list → accepted methods. Verbs the model has no name for (TRACE, CONNECT) are ignored and listed. */
export function methodsFromList(list: unknown): MethodsResult {
  if (list === undefined || list === null) return { ok: true, methods: [...ALL_METHODS], ignored: [] };
  if (!Array.isArray(list)) return { ok: false, why: `route methods must be a list, found ${JSON.stringify(list)}` };
  if (list.length === 0) return { ok: true, methods: [...ALL_METHODS], ignored: [] };
  const methods = new Set<Method>();
  const ignored: string[] = [];
  for (const m of list) {
    if (typeof m !== 'string') return { ok: false, why: `route method ${JSON.stringify(m)} is not a string` };
    // Kong normalises nothing here; its schema requires upper-case verbs. Be lenient on case and say so nowhere:
    // a lower-case verb would be rejected by Kong before it could route anything.
    const up = m.trim().toUpperCase();
    if (METHOD_SET.has(up)) methods.add(up as Method);
    else ignored.push(m);
  }
  return { ok: true, methods: ALL_METHODS.filter((m) => methods.has(m)), ignored };
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions (Kong ATC language): `http.method == "POST" && http.path ^= "/orders"`, `||`, `!`, parentheses.
// Each sub-expression yields the methods for which it may be true, and whether that set is exact (the
// sub-expression depends on the method only): negation is taken only of exact sets.

type Token = { t: 'op' | 'str' | 'ident' | 'lp' | 'rp' | 'and' | 'or' | 'not' | 'num'; v: string };

// eslint-disable-next-line max-lines-per-function -- one pass over the characters whose string, escape and operator states share the cursor; split, each piece would re-track it
function tokenize(src: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      out.push({ t: 'lp', v: c });
      i++;
      continue;
    }
    if (c === ')') {
      out.push({ t: 'rp', v: c });
      i++;
      continue;
    }
    if (src.startsWith('&&', i)) {
      out.push({ t: 'and', v: '&&' });
      i += 2;
      continue;
    }
    if (src.startsWith('||', i)) {
      out.push({ t: 'or', v: '||' });
      i += 2;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          s += src[j + 1];
          j += 2;
          continue;
        }
        s += src[j++];
      }
      if (j >= src.length) return 'unterminated string';
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const raw = /^r(#*)"/.exec(src.slice(i));
    if (raw) {
      const close = '"' + raw[1];
      const end = src.indexOf(close, i + raw[0].length);
      if (end < 0) return 'unterminated raw string';
      out.push({ t: 'str', v: src.slice(i + raw[0].length, end) });
      i = end + close.length;
      continue;
    }
    const op = /^(==|!=|\^=|=\^|~|>=|<=|>|<|in\b|not\s+in\b|contains\b)/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[1].replace(/\s+/, ' ') });
      i += op[0].length;
      continue;
    }
    if (c === '!') {
      out.push({ t: 'not', v: '!' });
      i++;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.-]*(\[[^\]]*\])?/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'ident', v: id[0] });
      i += id[0].length;
      continue;
    }
    const num = /^[0-9][0-9./:a-fA-F]*/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    return `unexpected character ${JSON.stringify(c)}`;
  }
  return out;
}

interface Sat {
  may: Set<Method>;
  exact: boolean;
}

const ALL = () => new Set<Method>(ALL_METHODS);

class ExprParser {
  private i = 0;
  readonly paths: string[] = [];
  constructor(private readonly toks: Token[]) {}

  parse(): Sat {
    const r = this.or();
    if (this.i !== this.toks.length) throw new Error(`unexpected ${this.toks[this.i].v}`);
    return r;
  }

  private or(): Sat {
    let left = this.and();
    while (this.toks[this.i]?.t === 'or') {
      this.i++;
      const right = this.and();
      left = { may: new Set([...left.may, ...right.may]), exact: left.exact && right.exact };
    }
    return left;
  }

  private and(): Sat {
    let left = this.unary();
    while (this.toks[this.i]?.t === 'and') {
      this.i++;
      const right = this.unary();
      left = { may: new Set([...left.may].filter((m) => right.may.has(m))), exact: left.exact && right.exact };
    }
    return left;
  }

  private unary(): Sat {
    const t = this.toks[this.i];
    if (!t) throw new Error('unexpected end');
    if (t.t === 'not') {
      this.i++;
      const inner = this.unary();
      if (!inner.exact) return { may: ALL(), exact: false };
      return { may: new Set(ALL_METHODS.filter((m) => !inner.may.has(m))), exact: true };
    }
    if (t.t === 'lp') {
      this.i++;
      const inner = this.or();
      if (this.toks[this.i]?.t !== 'rp') throw new Error('missing )');
      this.i++;
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Sat {
    const field = this.toks[this.i];
    const op = this.toks[this.i + 1];
    const val = this.toks[this.i + 2];
    if (field?.t !== 'ident' || op?.t !== 'op' || !val || (val.t !== 'str' && val.t !== 'num' && val.t !== 'ident'))
      throw new Error(
        `cannot read the predicate near "${[field, op, val]
          .filter(Boolean)
          .map((x) => x.v)
          .join(' ')}"`,
      );
    this.i += 3;
    if (field.v === 'http.path' && (op.v === '==' || op.v === '^=') && val.t === 'str') this.paths.push(val.v);
    if (field.v !== 'http.method') return { may: ALL(), exact: false };
    if (val.t !== 'str') throw new Error(`http.method compared with ${val.v}`);
    if (op.v === '==') return { may: new Set(ALL_METHODS.filter((m) => m === val.v)), exact: true };
    if (op.v === '!=') return { may: new Set(ALL_METHODS.filter((m) => m !== val.v)), exact: true };
    if (op.v === '^=') return { may: new Set(ALL_METHODS.filter((m) => m.startsWith(val.v))), exact: true };
    if (op.v === '=^') return { may: new Set(ALL_METHODS.filter((m) => m.endsWith(val.v))), exact: true };
    if (op.v === 'contains') return { may: new Set(ALL_METHODS.filter((m) => m.includes(val.v))), exact: true };
    if (op.v === '~') {
      let re: RegExp;
      try {
        re = new RegExp(val.v);
      } catch {
        throw new Error(`http.method ~ "${val.v}" is not a regular expression cachelint can read`);
      }
      return { may: new Set(ALL_METHODS.filter((m) => re.test(m))), exact: true };
    }
    throw new Error(`http.method ${op.v} is not an operator cachelint reads`);
  }
}

export type ExpressionResult = { ok: true; methods: Method[]; paths: string[] } | { ok: false; why: string };

/** Methods an expression route may match; `ok: false` when the expression cannot be read (→ unknown, CL006). */
export function methodsFromExpression(expression: string): ExpressionResult {
  const toks = tokenize(expression);
  if (typeof toks === 'string') return { ok: false, why: `cannot read route expression ${JSON.stringify(expression)}: ${toks}` };
  const parser = new ExprParser(toks);
  try {
    const sat = parser.parse();
    return { ok: true, methods: ALL_METHODS.filter((m) => sat.may.has(m)), paths: parser.paths };
  } catch (e) {
    return { ok: false, why: `cannot read route expression ${JSON.stringify(expression)}: ${(e as Error).message}` };
  }
}

/** "POST /webhooks/stripe", "ANY /x", "GET,HEAD /a,/b". */
export function routeText(methods: Method[] | undefined, paths: string[]): string {
  const m =
    methods === undefined ? '(methods unknown)' : methods.length === ALL_METHODS.length ? 'ANY' : methods.length === 0 ? '(no method)' : methods.join(',');
  return `${m} ${paths.join(',')}`;
}

/** The paths without the `~` that marks a Kong 3.x regex path, for matching path patterns; undefined when none has it. */
export function plainPaths(paths: readonly string[]): string[] | undefined {
  const isRegex = (p: string) => p.charCodeAt(0) === 126; /* ~ */
  return paths.some(isRegex) ? paths.map((p) => (isRegex(p) ? p.slice(1) : p)) : undefined;
}
