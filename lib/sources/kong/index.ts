// Kong declarative configuration (DB-less kong.yml, decK state files; _format_version 1.1, 2.1, 3.0) → Model.
//
// Two steps, so the Kong Ingress Controller adapter can reuse the platform truth unchanged:
//   1. readDeckState(file, doc) → { state: KongState, errors }   (deck.ts: decK/kong.yml specifics)
//   2. buildKongModel(state, { file, flavor })   → Model          (build.ts: precedence, caches, no-store, identity)
// Another front door builds a KongState (state.ts: services, routes, consumers, consumer groups, plugins, each with
// lazy SourceLocations; plugins with scope, `enabled` and a KongPluginConfig) and calls buildKongModel.
import type { InputError } from '../../findings';
import type { Model } from '../../model';
import { posix } from 'node:path';
import type { YamlDocument } from '../../parse/yaml';
import type { AdapterInput, AdapterOutput, SourceAdapter } from '../types';
import { buildKongModel } from './build';
import { readDeckState } from './deck';
import type { DeckDocument, DeckPatchFile, DeckPatchKind } from './deck-patch';
import { detectDeckPatch, detectKong } from './detect';

export type {
  ConfigEntry,
  KongConsumer,
  KongConsumerGroup,
  KongEntity,
  KongEntityKind,
  KongPlugin,
  KongPluginConfig,
  KongPluginScope,
  KongRoute,
  KongService,
  KongState,
  Locator,
} from './state';
export { defineLazyLocation, LayeredPluginConfig, OpaquePluginConfig } from './state';
export { buildKongModel, type BuildKongModelOptions } from './build';
export { readDeckState, KONG_FORMAT_VERSIONS, type DeckReadResult } from './deck';
export { methodsFromExpression, methodsFromList, routeText } from './routes';
export { findPlaceholder, placeholderWhy } from './placeholders';
export { detectDeckPatch, detectKong } from './detect';
export type { DeckDocument, DeckPatchFile, DeckPatchKind } from './deck-patch';

// decK patch files are rare beside state files: their reader (and its JSONPath engine) loads when a scan has one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deckPatch = (): typeof import('./deck-patch') => require('./deck-patch') as typeof import('./deck-patch');
export { AUTH_PLUGINS, NO_STORE_PLUGINS, cacheKindOf } from './plugins';
export { PRECEDENCE, PluginIndex, scopeText } from './precedence';

export const kongAdapter: SourceAdapter = {
  format: 'kong',
  detect: (doc) => detectKong(doc) || detectDeckPatch(doc),
  // One file alone: a patch file in it has no state to change (unjudged), a state file is read as it is.
  toModels: (input: AdapterInput): AdapterOutput => kongAdapter.toModelsTogether!([input]),
  // Together, so decK patch / add-plugins files meet the state files they change (deck-patch.ts).
  toModelsTogether(inputs: AdapterInput[]): AdapterOutput {
    const out: AdapterOutput & { unjudged: InputError[]; formats: Record<string, string> } = { models: [], errors: [], unjudged: [], formats: {} };
    const patchFiles: { file: string; patches: DeckPatchFile[]; at: { line: number; column: number }; kinds: DeckPatchKind[] }[] = [];
    const states: AdapterInput[] = [];
    for (const input of inputs) {
      const docs = input.parsed.documents.filter((d) => d.value !== null && d.value !== undefined);
      if (!docs.some((d) => detectDeckPatch(d))) {
        states.push(input);
        continue;
      }
      const patches: DeckPatchFile[] = [];
      input.parsed.documents.forEach((doc, i) => {
        if (doc.value === null || doc.value === undefined) return;
        if (!detectDeckPatch(doc)) {
          const l = doc.locate([]);
          out.errors.push({
            file: input.file,
            line: l.line,
            column: l.column,
            code: 'unknown-format',
            message: `YAML document ${i + 1} is not a decK patch or add-plugins document, as the rest of this file is`,
          });
          return;
        }
        const read = deckPatch().readDeckPatch(input.file, doc);
        patches.push(read.patch);
        out.errors.push(...read.errors);
      });
      const kinds = [...new Set(patches.flatMap((p) => p.kinds))];
      out.formats[input.file] = kinds.join('+');
      const first = patches[0];
      const l = first.doc.locate(first.kinds[0] === 'deck-patch' ? ['patches'] : ['add-plugins']);
      patchFiles.push({ file: input.file, patches, at: l, kinds });
    }

    // A patch file changes the Kong state files in its own folder or, if there are none, in the nearest folder above
    // it (decK pipelines keep patches beside or below the state they change); several patch files apply in the order
    // the scan met them (the order `deck file patch` takes them on its command line).
    const byBase = new Map<string, DeckPatchFile[]>();
    for (const pf of patchFiles) {
      const bases = nearestStates(
        pf.file,
        states.map((s) => s.file),
      );
      if (bases.length === 0) {
        out.unjudged.push({ file: pf.file, line: pf.at.line, column: pf.at.column, code: 'deck-patch-without-base', message: withoutBase(pf.file, pf.kinds) });
        continue;
      }
      for (const b of bases) byBase.set(b, [...(byBase.get(b) ?? []), ...pf.patches]);
    }
    const seen = new Set<string>();
    for (const s of states) {
      const r = convert(s.file, s.parsed, byBase.get(s.file) ?? []);
      out.models.push(...r.models);
      for (const e of r.errors) {
        // A patch file applied to several bases reports its own problems once.
        const key = `${e.file}:${e.line}:${e.column}:${e.code}:${e.message}`;
        if (!seen.has(key)) out.errors.push(e);
        seen.add(key);
      }
    }
    return out;
  },
};

function convert(file: string, parsed: AdapterInput['parsed'], patches: readonly DeckPatchFile[]): AdapterOutput {
  const model: Model = { file, endpoints: [], facts: [] };
  const errors: InputError[] = [];
  parsed.documents.forEach((doc, i) => {
    // An empty document (a leading `---`, a trailing one) holds nothing to lint, wherever it is; detection already
    // found a Kong document in this file, so skipping empties cannot make a file pass unread.
    if (doc.value === null || doc.value === undefined) return;
    if (!detectKong(doc)) {
      const l = doc.locate([]);
      const what = detectDeckPatch(doc)
        ? 'is a decK patch document, which cannot share a file with a Kong declarative configuration'
        : 'is not a Kong declarative configuration';
      errors.push({ file, line: l.line, column: l.column, code: 'unknown-format', message: `YAML document ${i + 1} ${what}` });
      return;
    }
    let state: YamlDocument | DeckDocument = doc;
    if (patches.length) {
      const applied = deckPatch().applyDeckPatches(file, doc, patches);
      errors.push(...applied.errors);
      state = applied.doc;
    }
    const { state: read, errors: readErrors } = readDeckState(file, state);
    const built = buildKongModel(read, { file, flavor: 'kong' });
    model.endpoints.push(...built.endpoints);
    model.facts.push(...built.facts);
    errors.push(...readErrors);
  });
  return { models: [model], errors };
}

const dirOf = (file: string) => posix.dirname(file);
/** How far below `dir` the folder `sub` is, or -1 when it is not `dir` or below it. */
function depthBelow(dir: string, sub: string): number {
  if (dir === sub) return 0;
  if (dir === '.') return sub.startsWith('/') || sub.startsWith('..') ? -1 : sub.split('/').length;
  return sub.startsWith(dir.endsWith('/') ? dir : `${dir}/`) ? sub.slice(dir.length).split('/').filter(Boolean).length : -1;
}

/** The state files in the patch file's folder or, failing that, in the nearest folder above it. */
function nearestStates(patchFile: string, stateFiles: string[]): string[] {
  const pd = dirOf(patchFile);
  let best = Infinity;
  let out: string[] = [];
  for (const f of stateFiles) {
    const d = depthBelow(dirOf(f), pd);
    if (d < 0 || d > best) continue;
    if (d < best) out = [];
    best = d;
    out.push(f);
  }
  return out;
}

function withoutBase(file: string, kinds: DeckPatchKind[]): string {
  const { DECK_COMMAND, KIND_NAME } = deckPatch();
  const name = kinds.map((k) => KIND_NAME[k]).join(' and ');
  // decK reads the state with -s (default stdin) and writes with -o (default stdout): cmd/file_patch.go, cmd/file_addplugins.go.
  const run =
    kinds.length === 1
      ? `${DECK_COMMAND[kinds[0]]} -s kong.yaml -o kong.patched.yaml ${file}`
      : `${DECK_COMMAND['deck-add-plugins']} -s kong.yaml ${file} | ${DECK_COMMAND['deck-patch']} -o kong.patched.yaml ${file}`;
  return (
    `${name} (input of \`${kinds.map((k) => DECK_COMMAND[k]).join('` and `')}\`): it changes a Kong state file, and no Kong state file of this scan ` +
    `is in its folder or above it to apply it to. Scan it with that state (\`cachelint kong.yaml ${file}\`), or scan decK's result: \`${run} && cachelint kong.patched.yaml\``
  );
}

export default kongAdapter;
