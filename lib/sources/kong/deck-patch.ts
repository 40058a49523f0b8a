// decK patch files (`deck file patch`) and add-plugins files (`deck file add-plugins`): transformations of a Kong
// state file, not a state file. Read with their own located errors, and applied to a base state the way decK does
// (decK delegates both commands to go-apiops: `patch/deckpatchfile.go`, `patch/deckpatch.go`,
// `plugins/pluginfile.go`, `plugins/plugins.go` in github.com/Kong/go-apiops):
// - patches, in order: `selectors` (default `$`; an empty list selects nothing) pick nodes; an object `values` sets
//   each key on every selected object, replacing the old value whole (no deep merge); an array `values` is appended
//   to every selected array; `remove` deletes keys. Entries with neither `values` nor `remove` are ignored.
// - add-plugins, in order: `selectors` (default, or empty: `$`, the top-level `plugins`) pick objects (deduplicated);
//   each gets every plugin in `plugins` unless it already has one of that name (at the top level: that name and the
//   same service/route/consumer/consumer_group), which `overwrite: true` replaces. Plugins with foreign keys are
//   only accepted when the only target is the top level.
// The patched tree keeps, for every member, the file and node it came from, so a finding on a plugin added by a
// patch points at the patch file, and one on an untouched route at the base file.
import type { InputError } from '../../findings';
import type { Located, PathSegment, YamlDocument } from '../../parse/yaml';
import { JsonPathError, parseJsonPath, queryJsonPath, type JsonPath } from './jsonpath';
import { isRecord } from './placeholders';

export type DeckPatchKind = 'deck-patch' | 'deck-add-plugins';

interface Selector {
  source: string;
  path?: JsonPath;
  /** Why cachelint cannot evaluate it, located: reported when the patch is applied (a base is in the scan). */
  problem?: InputError;
}
interface PatchOp {
  kind: 'patch';
  selectors: Selector[];
  values?: Record<string, unknown>;
  appends?: unknown[];
  remove: string[];
  at: PathSegment[];
}
interface AddPluginsOp {
  kind: 'add-plugins';
  selectors: Selector[];
  plugins: Record<string, unknown>[];
  overwrite: boolean;
  at: PathSegment[];
}

export interface DeckPatchFile {
  file: string;
  doc: YamlDocument;
  kinds: DeckPatchKind[];
  ops: (PatchOp | AddPluginsOp)[];
}

/** A patched state: plain values plus, per member, where it was written (base file or patch file). */
export interface DeckDocument {
  readonly value: unknown;
  locate(path: readonly PathSegment[]): Located;
  /** The file the member at `path` was written in. */
  fileAt?(path: readonly PathSegment[]): string;
}

interface Origin {
  doc: YamlDocument;
  file: string;
  obj: object;
  key: PathSegment;
}

const FOREIGN_KEYS = ['service', 'route', 'consumer', 'consumer_group'];

/** The decK command that applies this kind, for messages. */
export const DECK_COMMAND: Record<DeckPatchKind, string> = { 'deck-patch': 'deck file patch', 'deck-add-plugins': 'deck file add-plugins' };
export const KIND_NAME: Record<DeckPatchKind, string> = { 'deck-patch': 'decK patch file', 'deck-add-plugins': 'decK add-plugins file' };

function setMember(obj: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Reads one patch document (detected by detectDeckPatch). Problems are located errors in the patch file. */
export function readDeckPatch(file: string, doc: YamlDocument): { patch: DeckPatchFile; errors: InputError[] } {
  const root = doc.value as Record<string, unknown>;
  const reader = new PatchReader(file, doc);
  const patch: DeckPatchFile = { file, doc, kinds: [], ops: [] };

  // go-apiops deckformat.ParseFormatVersion: a string "x" or "x.y" of integers; anything else fails the command.
  if ('_format_version' in root) {
    const v = root._format_version;
    if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v))
      reader.error('parse', `decK rejects this file: _format_version must be a string in 'x.y' format (quote it: "1.0"), not ${JSON.stringify(v)}`, [
        '_format_version',
      ]);
  }

  for (const key of Object.keys(root)) {
    if (key !== 'patches' && key !== 'add-plugins') continue;
    patch.kinds.push(key === 'patches' ? 'deck-patch' : 'deck-add-plugins');
    const list = root[key];
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) {
      reader.error('parse', `${key} must be a list`, [key]);
      continue;
    }
    list.forEach((entry, i) => {
      if (!isRecord(entry)) return; // decK ignores non-object entries (jsonbasics.GetObjectArrayField)
      const at: PathSegment[] = [key, i];
      const op = key === 'patches' ? reader.patchOp(entry, at) : reader.addPluginsOp(entry, at);
      if (op) patch.ops.push(op);
    });
  }
  return { patch, errors: reader.errors };
}

/** Reads the entries of one patch file; each problem is a located error, and the entry is left out. */
class PatchReader {
  readonly errors: InputError[] = [];
  constructor(
    private readonly file: string,
    private readonly doc: YamlDocument,
  ) {}

  error(code: string, message: string, path: PathSegment[]) {
    const l = this.doc.locate(path);
    this.errors.push({ file: this.file, line: l.line, column: l.column, code, message });
  }

  private selectorsOf(entry: Record<string, unknown>, at: PathSegment[], empty: 'none' | 'root'): Selector[] | undefined {
    const raw = entry.selectors;
    if (raw === undefined || raw === null) return [{ source: '$', path: parseJsonPath('$') }];
    if (!Array.isArray(raw)) {
      this.error('parse', `${label(at)}.selectors must be a list of JSONPath strings`, [...at, 'selectors']);
      return undefined;
    }
    if (raw.length === 0 && empty === 'root') return [{ source: '$', path: parseJsonPath('$') }];
    const out: Selector[] = [];
    raw.forEach((s, i) => {
      if (typeof s !== 'string') return; // decK drops non-string entries (jsonbasics.GetStringArrayField)
      try {
        out.push({ source: s, path: parseJsonPath(s) });
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        const l = this.doc.locate([...at, 'selectors', i]);
        const message = `${label(at)}.selectors[${i}]: cachelint cannot evaluate the JSONPath selector ${JSON.stringify(s)}: ${e.message}`;
        out.push({ source: s, problem: { file: this.file, line: l.line, column: l.column, code: 'unsupported-selector', message } });
      }
    });
    return out;
  }

  /** A `patches` entry; undefined when it is not a patch (decK ignores it) or is malformed. */
  patchOp(entry: Record<string, unknown>, at: PathSegment[]): PatchOp | undefined {
    // deckpatchfile.go: only entries with `values` or `remove` are patches.
    if ((entry.values === undefined || entry.values === null) && (entry.remove === undefined || entry.remove === null)) return undefined;
    const selectors = this.selectorsOf(entry, at, 'none');
    const op: PatchOp = { kind: 'patch', selectors: selectors ?? [], remove: [], at };
    let ok = selectors !== undefined;
    if (isRecord(entry.values)) op.values = entry.values;
    else if (Array.isArray(entry.values)) op.appends = entry.values;
    else if (entry.values !== undefined && entry.values !== null) {
      this.error('parse', `${label(at)}.values must be a mapping (keys to set) or a list (entries to append)`, [...at, 'values']);
      ok = false;
    }
    if (entry.remove !== undefined && entry.remove !== null) {
      if (!Array.isArray(entry.remove)) {
        this.error('parse', `${label(at)}.remove must be a list of keys`, [...at, 'remove']);
        ok = false;
      } else op.remove = entry.remove.filter((r): r is string => typeof r === 'string');
    }
    for (const r of op.remove)
      if (op.values && Object.prototype.hasOwnProperty.call(op.values, r)) {
        this.error('parse', `${label(at)} sets and removes "${r}" at the same time (decK rejects it)`, [...at, 'remove']);
        ok = false;
      }
    return ok ? op : undefined;
  }

  /** An `add-plugins` entry; undefined when malformed. */
  addPluginsOp(entry: Record<string, unknown>, at: PathSegment[]): AddPluginsOp | undefined {
    const selectors = this.selectorsOf(entry, at, 'root');
    let ok = selectors !== undefined;
    let plugins: Record<string, unknown>[] = [];
    if (entry.plugins !== undefined && entry.plugins !== null) {
      if (!Array.isArray(entry.plugins)) {
        this.error('parse', `${label(at)}.plugins must be a list of plugins`, [...at, 'plugins']);
        ok = false;
      } else plugins = entry.plugins.filter(isRecord);
    }
    const overwrite = entry.overwrite;
    if (overwrite !== undefined && overwrite !== null && typeof overwrite !== 'boolean') {
      this.error('parse', `${label(at)}.overwrite must be true or false`, [...at, 'overwrite']);
      ok = false;
    }
    return ok ? { kind: 'add-plugins', selectors: selectors!, plugins, overwrite: overwrite === true, at } : undefined;
  }
}

function label(at: PathSegment[]): string {
  return `${at[0]}[${at[1]}]`;
}

/**
 * Applies patch files, in order, to a copy of a base state document. The base document is not changed. Errors (a
 * plugin with foreign keys for nested targets, which decK refuses) are located in the patch file.
 */
export function applyDeckPatches(baseFile: string, base: YamlDocument, patches: readonly DeckPatchFile[]): { doc: DeckDocument; errors: InputError[] } {
  const patcher = new Patcher(baseFile, base);
  for (const p of patches) for (const op of p.ops) patcher.apply(p, op);
  return { doc: patcher.document(), errors: patcher.errors };
}

/** A copy of the base document being patched, with the origin of every member. */
class Patcher {
  private readonly members = new WeakMap<object, Map<PathSegment, Origin>>();
  readonly errors: InputError[] = [];
  private readonly root: Record<string, unknown>;

  constructor(
    private readonly baseFile: string,
    private readonly base: YamlDocument,
  ) {
    this.root = this.clone(base.value, base, baseFile) as Record<string, unknown>;
  }

  private clone(v: unknown, doc: YamlDocument, file: string): unknown {
    if (typeof v !== 'object' || v === null) return v;
    const origins = new Map<PathSegment, Origin>();
    let out: unknown[] | Record<string, unknown>;
    if (Array.isArray(v)) {
      out = v.map((x, i) => {
        origins.set(i, { doc, file, obj: v, key: i });
        return this.clone(x, doc, file);
      });
    } else {
      out = {};
      for (const k of Object.keys(v)) {
        origins.set(k, { doc, file, obj: v, key: k });
        setMember(out, k, this.clone((v as Record<string, unknown>)[k], doc, file));
      }
    }
    this.members.set(out, origins);
    return out;
  }

  private originsOf(container: object) {
    let m = this.members.get(container);
    if (!m) this.members.set(container, (m = new Map<PathSegment, Origin>()));
    return m;
  }

  apply(p: DeckPatchFile, op: PatchOp | AddPluginsOp) {
    // A selector cachelint cannot evaluate leaves the result unknown: the patch is not applied, and that is an error.
    const problems = op.selectors.filter((s) => s.problem).map((s) => s.problem!);
    if (op.kind === 'patch' && !Object.keys(op.values ?? {}).length && !op.appends?.length && op.remove.length === 0) return; // deckpatch.go: nothing to do
    if (problems.length) {
      this.errors.push(...problems);
      return;
    }
    const selected: unknown[] = [];
    for (const s of op.selectors) selected.push(...queryJsonPath(s.path!, this.root));
    if (op.kind === 'patch') this.patch(p, op, selected);
    else this.addPlugins(p, op, selected);
  }

  private patch(p: DeckPatchFile, op: PatchOp, selected: unknown[]) {
    const valuesAt = op.values ?? op.appends;
    for (const node of selected) {
      if (op.appends?.length) {
        // deckpatch.go ApplyToArrayNode: append to arrays, skip everything else.
        if (!Array.isArray(node)) continue;
        op.appends.forEach((v, j) => {
          this.originsOf(node).set(node.length, { doc: p.doc, file: p.file, obj: valuesAt!, key: j });
          node.push(this.clone(v, p.doc, p.file));
        });
        continue;
      }
      if (!isRecord(node)) continue;
      for (const [k, v] of Object.entries(op.values ?? {})) {
        this.originsOf(node).set(k, { doc: p.doc, file: p.file, obj: valuesAt!, key: k });
        setMember(node, k, this.clone(v, p.doc, p.file));
      }
      for (const k of op.remove) {
        if (!Object.prototype.hasOwnProperty.call(node, k)) continue;
        delete node[k];
        this.originsOf(node).delete(k);
      }
    }
  }

  private addPlugins(p: DeckPatchFile, op: AddPluginsOp, selected: unknown[]) {
    const root = this.root;
    // plugins.go Plugger.search: objects only, each once.
    const owners: Record<string, unknown>[] = [];
    for (const node of selected) if (isRecord(node) && !owners.includes(node)) owners.push(node);
    const onlyRoot = owners.length === 1 && owners[0] === root;
    const pluginsAt = p.doc.get([...op.at, 'plugins']) as object;
    if (this.refusesForeignKeys(p, op, onlyRoot, pluginsAt)) return;
    let main = Array.isArray(root.plugins) ? root.plugins : undefined;
    for (const owner of owners) {
      let list = owner.plugins;
      if (!Array.isArray(list)) {
        list = [];
        setMember(owner, 'plugins', list);
        this.originsOf(owner).set('plugins', { doc: p.doc, file: p.file, obj: p.doc.get(op.at) as object, key: 'plugins' });
        this.members.set(list as object, new Map());
        if (owner === root) main = list as unknown[];
      }
      const arr = list as unknown[];
      op.plugins.forEach((plugin) => {
        const name = typeof plugin.name === 'string' ? plugin.name : undefined;
        const fk = foreignKey(plugin);
        const idx = arr.findIndex((x) => isRecord(x) && typeof x.name === 'string' && x.name === name && (arr !== main || foreignKey(x) === fk));
        if (idx >= 0 && !op.overwrite) return;
        const at = idx >= 0 ? idx : arr.length;
        const origin = (pluginsAt as unknown[]).indexOf(plugin);
        this.originsOf(arr).set(at, { doc: p.doc, file: p.file, obj: pluginsAt, key: origin });
        arr[at] = this.clone(plugin, p.doc, p.file);
      });
    }
  }

  /** decK refuses plugins with foreign keys unless the only target is the top level: the first one is an error. */
  private refusesForeignKeys(p: DeckPatchFile, op: AddPluginsOp, onlyRoot: boolean, pluginsAt: object): boolean {
    for (const plugin of op.plugins) {
      if (onlyRoot || foreignKey(plugin) === NO_FOREIGN_KEYS) continue;
      const j = (pluginsAt as unknown[]).indexOf(plugin);
      const l = p.doc.locate([...op.at, 'plugins', j]);
      this.errors.push({
        file: p.file,
        line: l.line,
        column: l.column,
        code: 'parse',
        message: `${label(op.at)}.plugins[${j}] names its ${FOREIGN_KEYS.filter((k) => plugin[k] !== undefined && plugin[k] !== null).join('/')}, which decK accepts only when the selectors pick the top level ($) alone: decK refuses this file`,
      });
      return true;
    }
    return false;
  }

  private originAt(path: readonly PathSegment[]): Origin | undefined {
    let node: unknown = this.root;
    let last: Origin | undefined;
    for (const seg of path) {
      if (typeof node !== 'object' || node === null) break;
      const o = this.members.get(node)?.get(seg);
      if (!o) break;
      last = o;
      node = (node as Record<PathSegment, unknown>)[seg];
    }
    return last;
  }

  document(): DeckDocument {
    const { base, baseFile } = this;
    return {
      value: this.root,
      locate: (path) => {
        const o = this.originAt(path);
        return (o && o.doc.locateMember(o.obj, o.key)) ?? base.locate(o ? [] : path);
      },
      fileAt: (path) => {
        return this.originAt(path)?.file ?? baseFile;
      },
    };
  }
}

const NO_FOREIGN_KEYS = FOREIGN_KEYS.map(() => ':').join('');
/** plugins.go ForeignKey: the scalar values of the foreign key fields (a `{ name: x }` reference counts as none). */
function foreignKey(plugin: Record<string, unknown>): string {
  let out = '';
  for (const k of FOREIGN_KEYS) {
    const v = plugin[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out += String(v);
    out += ':';
  }
  return out;
}
