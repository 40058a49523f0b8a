// The JSONPath that decK's `file patch` and `file add-plugins` selectors are written in. decK evaluates them with
// github.com/pb33f/jsonpath (RFC 9535; go-apiops `patch/deckpatch.go`, `plugins/plugins.go`). This is the part of
// RFC 9535 that selectors over a Kong state use: `$`, `.name`, `['name']`, `*`, `..`, indexes, slices, unions and
// filters (`?(@.name == 'x')`, `?@.tags`, `!`, `&&`, `||`, comparisons with literals or other singular queries).
// Anything else (function extensions such as `length()`/`match()`) is refused with the reason, so a selector that
// cannot be evaluated is a located input error, never a selector that silently matches nothing.

export class JsonPathError extends Error {}

type Selector =
  | { t: 'name'; name: string }
  | { t: 'wild' }
  | { t: 'index'; i: number }
  | { t: 'slice'; start?: number; end?: number; step: number }
  | { t: 'filter'; expr: Expr };
interface Segment {
  descendant: boolean;
  selectors: Selector[];
}
type Operand = { t: 'lit'; v: unknown } | { t: 'query'; rel: boolean; segments: Segment[] };
type Expr =
  { t: 'or' | 'and'; a: Expr; b: Expr } | { t: 'not'; a: Expr } | { t: 'test'; q: Operand & { t: 'query' } } | { t: 'cmp'; op: string; a: Operand; b: Operand };

export interface JsonPath {
  source: string;
  segments: Segment[];
}

/** Parses a selector; throws JsonPathError naming the position and what is not supported. */
export function parseJsonPath(source: string): JsonPath {
  const p = new Parser(source);
  p.ws();
  if (p.peek() !== '$') p.fail('a JSONPath query starts with $');
  p.i++;
  const segments = p.segments();
  p.ws();
  if (p.i < source.length) p.fail(`unexpected ${JSON.stringify(source.slice(p.i, p.i + 10))}`);
  return { source, segments };
}

/** The nodes a query selects, in RFC 9535 order (duplicates kept, as decK's patch applies them). */
export function queryJsonPath(path: JsonPath, root: unknown): unknown[] {
  return run(path.segments, [root], root);
}

const NAME_START = /[A-Za-z_\u0080-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_\-\u0080-\uffff]/;

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  peek(o = 0): string {
    return this.s[this.i + o] ?? '';
  }
  ws() {
    while (/[ \t\r\n]/.test(this.peek())) this.i++;
  }
  fail(why: string): never {
    throw new JsonPathError(`${why} (at character ${this.i + 1})`);
  }
  expect(c: string) {
    this.ws();
    if (this.peek() !== c) this.fail(`expected ${c}`);
    this.i++;
  }
  segments(): Segment[] {
    const out: Segment[] = [];
    for (;;) {
      const save = this.i;
      this.ws();
      const c = this.peek();
      if (c === '.' && this.peek(1) === '.') {
        this.i += 2;
        if (this.peek() === '[') out.push({ descendant: true, selectors: this.bracket() });
        else out.push({ descendant: true, selectors: [this.dotSelector()] });
      } else if (c === '.') {
        this.i++;
        out.push({ descendant: false, selectors: [this.dotSelector()] });
      } else if (c === '[') {
        out.push({ descendant: false, selectors: this.bracket() });
      } else {
        this.i = save;
        return out;
      }
    }
  }
  dotSelector(): Selector {
    if (this.peek() === '*') {
      this.i++;
      return { t: 'wild' };
    }
    if (!NAME_START.test(this.peek())) this.fail('expected a member name or * after .');
    const start = this.i;
    while (NAME_CHAR.test(this.peek())) this.i++;
    if (this.peek() === '(') this.fail(`function ${this.s.slice(start, this.i)}() is not supported`);
    return { t: 'name', name: this.s.slice(start, this.i) };
  }
  bracket(): Selector[] {
    this.expect('[');
    const out: Selector[] = [];
    for (;;) {
      this.ws();
      out.push(this.selector());
      this.ws();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      this.expect(']');
      return out;
    }
  }
  selector(): Selector {
    const c = this.peek();
    if (c === "'" || c === '"') return { t: 'name', name: this.string() };
    if (c === '*') {
      this.i++;
      return { t: 'wild' };
    }
    if (c === '?') {
      this.i++;
      return { t: 'filter', expr: this.or() };
    }
    const a = this.int();
    this.ws();
    if (this.peek() !== ':') {
      if (a === undefined) this.fail('expected a name, index, slice, * or ?filter');
      return { t: 'index', i: a };
    }
    this.i++;
    const end = this.int();
    let step = 1;
    this.ws();
    if (this.peek() === ':') {
      this.i++;
      step = this.int() ?? 1;
    }
    return { t: 'slice', start: a, end, step };
  }
  int(): number | undefined {
    this.ws();
    const m = /^-?\d+/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return Number(m[0]);
  }
  string(): string {
    const q = this.peek();
    this.i++;
    let out = '';
    while (this.peek() !== q) {
      if (this.i >= this.s.length) this.fail('unterminated string');
      let c = this.peek();
      if (c === '\\') {
        this.i++;
        c = this.peek();
        const esc: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '/': '/', '\\': '\\', "'": "'", '"': '"' };
        if (c === 'u') {
          const hex = this.s.slice(this.i + 1, this.i + 5);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 5;
          continue;
        }
        if (!(c in esc)) this.fail(`bad escape \\${c}`);
        out += esc[c];
      } else out += c;
      this.i++;
    }
    this.i++;
    return out;
  }
  or(): Expr {
    let a = this.and();
    for (;;) {
      this.ws();
      if (this.s.startsWith('||', this.i)) {
        this.i += 2;
        a = { t: 'or', a, b: this.and() };
      } else return a;
    }
  }
  and(): Expr {
    let a = this.basic();
    for (;;) {
      this.ws();
      if (this.s.startsWith('&&', this.i)) {
        this.i += 2;
        a = { t: 'and', a, b: this.basic() };
      } else return a;
    }
  }
  basic(): Expr {
    this.ws();
    if (this.peek() === '!' && this.peek(1) !== '=') {
      this.i++;
      return { t: 'not', a: this.basic() };
    }
    if (this.peek() === '(') {
      this.i++;
      const e = this.or();
      this.expect(')');
      return e;
    }
    const a = this.operand();
    this.ws();
    const op = /^(==|!=|<=|>=|<|>)/.exec(this.s.slice(this.i))?.[0];
    if (!op) {
      if (a.t !== 'query') this.fail('a literal alone is not a filter test');
      return { t: 'test', q: a };
    }
    this.i += op.length;
    const b = this.operand();
    for (const o of [a, b]) if (o.t === 'query' && !singular(o.segments)) this.fail('a comparison needs a singular query (names and indexes only)');
    return { t: 'cmp', op, a, b };
  }
  operand(): Operand {
    this.ws();
    const c = this.peek();
    if (c === '@' || c === '$') {
      this.i++;
      return { t: 'query', rel: c === '@', segments: this.segments() };
    }
    if (c === "'" || c === '"') return { t: 'lit', v: this.string() };
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return { t: 'lit', v: JSON.parse(m[0]) };
    }
    const fn = /^[a-z][a-z_0-9]*\s*\(/.exec(this.s.slice(this.i));
    if (fn) this.fail(`function ${fn[0].replace(/\s*\($/, '')}() is not supported`);
    this.fail('expected @, $, a string, a number, true, false or null');
  }
}

function singular(segments: Segment[]): boolean {
  return segments.every((s) => !s.descendant && s.selectors.length === 1 && (s.selectors[0].t === 'name' || s.selectors[0].t === 'index'));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isObj(v)) return Object.values(v);
  return [];
}

function descendantsOrSelf(v: unknown, out: unknown[]) {
  out.push(v);
  for (const c of children(v)) if (typeof c === 'object' && c !== null) descendantsOrSelf(c, out);
}

function select(sel: Selector, v: unknown, root: unknown, out: unknown[]) {
  switch (sel.t) {
    case 'name':
      if (isObj(v) && Object.prototype.hasOwnProperty.call(v, sel.name)) out.push(v[sel.name]);
      return;
    case 'wild':
      out.push(...children(v));
      return;
    case 'index':
      if (Array.isArray(v)) {
        const i = sel.i < 0 ? v.length + sel.i : sel.i;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case 'slice': {
      if (!Array.isArray(v) || sel.step === 0) return;
      const n = v.length;
      const norm = (x: number) => (x < 0 ? n + x : x);
      if (sel.step > 0) {
        const lo = Math.min(Math.max(norm(sel.start ?? 0), 0), n);
        const hi = Math.min(Math.max(norm(sel.end ?? n), 0), n);
        for (let i = lo; i < hi; i += sel.step) out.push(v[i]);
      } else {
        const hi = Math.min(Math.max(norm(sel.start ?? n - 1), -1), n - 1);
        const lo = Math.min(Math.max(norm(sel.end ?? -n - 1), -1), n - 1);
        for (let i = hi; i > lo; i += sel.step) out.push(v[i]);
      }
      return;
    }
    case 'filter':
      for (const c of children(v)) if (test(sel.expr, c, root)) out.push(c);
      return;
  }
}

function run(segments: Segment[], nodes: unknown[], root: unknown): unknown[] {
  let current = nodes;
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const n of current) {
      const targets: unknown[] = [];
      if (seg.descendant) descendantsOrSelf(n, targets);
      else targets.push(n);
      for (const t of targets) for (const sel of seg.selectors) select(sel, t, root, next);
    }
    current = next;
  }
  return current;
}

const NOTHING = Symbol('nothing');

function value(o: Operand, current: unknown, root: unknown): unknown {
  if (o.t === 'lit') return o.v;
  const r = run(o.segments, [o.rel ? current : root], root);
  return r.length ? r[0] : NOTHING;
}

function test(e: Expr, current: unknown, root: unknown): boolean {
  switch (e.t) {
    case 'or':
      return test(e.a, current, root) || test(e.b, current, root);
    case 'and':
      return test(e.a, current, root) && test(e.b, current, root);
    case 'not':
      return !test(e.a, current, root);
    case 'test':
      return run(e.q.segments, [e.q.rel ? current : root], root).length > 0;
    case 'cmp':
      return compare(e.op, value(e.a, current, root), value(e.b, current, root));
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]));
  }
  return false;
}

// RFC 9535 §2.3.5.2.2: == is deep equality (Nothing equals only Nothing); < and friends order numbers with numbers
// and strings with strings, and are false for anything else.
function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return less(a, b);
    case '>':
      return less(b, a);
    case '<=':
      return less(a, b) || equal(a, b);
    case '>=':
      return less(b, a) || equal(a, b);
  }
  return false;
}

function less(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') ? a < b : false;
}
