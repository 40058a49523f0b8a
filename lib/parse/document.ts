// Parsed YAML documents and where their values are: what rules and autofix ask positions of.
import type { LineIndex } from './lines';

export type PathSegment = string | number;

/**
 * Offsets of one container's members, flat (a Map of 4-tuples per container was most of the parse's garbage on big
 * files): member i has its key at offs[4i]..offs[4i+1] and its value at offs[4i+2]..offs[4i+3]. Mappings keep their
 * keys in order (looked up by a scan, or a Map built on first use for big mappings); sequences are looked up by index.
 * Both arrays are made at their exact size when the container closes (parseYaml collects members on a shared stack):
 * arrays grown by push keep room for 17 entries, which for 100,000 small containers was most of the parse's memory.
 */
export class ContainerPos {
  keys: string[] | undefined;
  offs: number[] = NO_OFFSETS;
  private index: Map<string, number> | undefined;

  constructor(readonly start: number) {}

  /** Member number of a mapping key or sequence index, or -1. */
  find(seg: PathSegment): number {
    const keys = this.keys;
    if (!keys) return typeof seg === 'number' && seg >= 0 && seg * 4 < this.offs.length ? seg : -1;
    if (typeof seg !== 'string') return -1;
    if (keys.length <= 16) return keys.indexOf(seg);
    if (!this.index) {
      this.index = new Map();
      for (let i = keys.length - 1; i >= 0; i--) this.index.set(keys[i], i);
    }
    return this.index.get(seg) ?? -1;
  }
}

const NO_OFFSETS: number[] = [];

function memberValue(container: object, pos: ContainerPos, i: number): unknown {
  return pos.keys ? (container as Record<string, unknown>)[pos.keys[i]] : (container as unknown[])[i];
}

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class YamlDocument {
  constructor(
    readonly value: unknown,
    private readonly positions: Map<object, ContainerPos>,
    private readonly lines: LineIndex,
    readonly start: number,
    /** Which document of the file (0-based): autofix edits address values by document and path. */
    readonly index = 0,
  ) {}

  /**
   * Position of the value at `path` (mapping members point at their key). Falls back to the deepest
   * container on the path that has a position, so a finding is never without a line.
   */
  locate(path: readonly PathSegment[]): Located {
    let node: unknown = this.value;
    let from = this.start;
    let to = this.start;
    for (let i = 0; i < path.length; i++) {
      if (node === null || typeof node !== 'object') break;
      const pos = this.positions.get(node);
      if (!pos) break;
      from = to = pos.start;
      const seg = path[i];
      const m = pos.find(seg);
      if (m < 0) break;
      from = pos.offs[4 * m];
      to = pos.offs[4 * m + 1];
      node = (node as Record<PathSegment, unknown>)[seg];
    }
    const a = this.lines.position(from);
    const b = to === from ? a : this.lines.position(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Position of the value (not the key) at `path`, when it has one. */
  locateValue(path: readonly PathSegment[]): Located | undefined {
    if (path.length === 0) return undefined;
    const parent = this.get(path.slice(0, -1));
    if (parent === null || typeof parent !== 'object') return undefined;
    const pos = this.positions.get(parent);
    const m = pos ? pos.find(path[path.length - 1]) : -1;
    if (m < 0) return undefined;
    const a = this.lines.position(pos!.offs[4 * m + 2]);
    const b = this.lines.position(pos!.offs[4 * m + 3]);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Position of an object value itself (its first member), e.g. a plugin found by walking values, not paths. */
  locateObject(obj: object): Located | undefined {
    const pos = this.positions.get(obj);
    if (!pos) return undefined;
    const a = this.lines.position(pos.start);
    return { line: a.line, column: a.column, endLine: a.line, endColumn: a.column };
  }

  /** Position of a member of an object value found by walking values. */
  locateMember(obj: object, key: PathSegment): Located | undefined {
    const pos = this.positions.get(obj);
    const m = pos ? pos.find(key) : -1;
    if (m < 0) return undefined;
    const a = this.lines.position(pos!.offs[4 * m]);
    const b = this.lines.position(pos!.offs[4 * m + 1]);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /**
   * Lines spanned by the outermost mapping entry (key and value) or sequence item that starts on `line`, or by the
   * whole document when its root starts there; undefined when nothing starts there. For suppression comments: asked
   * only for the lines below one, so it walks down one path and measures one subtree instead of keeping every node's end.
   */
  extentAt(line: number): { line: number; endLine: number } | undefined {
    const lineOf = (offset: number) => this.lines.position(offset).line;
    const endLineOf = (start: number, end: number) => {
      // Ends are exclusive, and a block scalar's includes the blank lines it keeps: end at the last line with text.
      const first = lineOf(start);
      let last = lineOf(Math.max(start, end - 1));
      while (last > first && !this.lines.lineText(last).trim()) last--;
      return last;
    };
    let node: unknown = this.value;
    let pos = node !== null && typeof node === 'object' ? this.positions.get(node) : undefined;
    if (pos && lineOf(pos.start) === line) return { line, endLine: endLineOf(pos.start, this.deepEnd(node as object, new Set())) };
    while (pos) {
      let best = -1;
      for (let i = 0; 4 * i < pos.offs.length; i++) {
        const start = pos.offs[4 * i];
        if (start < pos.start) continue; // merged from an anchor elsewhere: not written here
        const l = lineOf(start);
        if (l === line) {
          const child = memberValue(node as object, pos, i);
          const end = Math.max(pos.offs[4 * i + 3], child !== null && typeof child === 'object' ? this.deepEnd(child, new Set()) : -1);
          return { line, endLine: endLineOf(start, end) };
        }
        if (l < line && (best < 0 || start > pos.offs[4 * best])) best = i;
      }
      if (best < 0) return undefined;
      node = memberValue(node as object, pos, best);
      pos = node !== null && typeof node === 'object' ? this.positions.get(node) : undefined;
    }
    return undefined;
  }

  /** The largest end offset in a container's subtree (aliases are walked once: an alias bomb stays linear). */
  private deepEnd(obj: object, seen: Set<object>): number {
    const pos = this.positions.get(obj);
    if (!pos || seen.has(obj)) return -1;
    seen.add(obj);
    let end = pos.start;
    for (let i = 0; 4 * i < pos.offs.length; i++) {
      end = Math.max(end, pos.offs[4 * i + 1], pos.offs[4 * i + 3]);
      const child = memberValue(obj, pos, i);
      if (child !== null && typeof child === 'object') end = Math.max(end, this.deepEnd(child, seen));
    }
    return end;
  }

  get(path: readonly PathSegment[]): unknown {
    let node: unknown = this.value;
    for (const seg of path) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<PathSegment, unknown>)[seg];
    }
    return node;
  }
}
