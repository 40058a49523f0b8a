// Kong declarative configuration (DB-less kong.yml, decK state files; _format_version 1.1, 2.1, 3.0) → Model.
//
// Two steps, so the Kong Ingress Controller adapter can reuse the platform truth unchanged:
//   1. readDeckState(file, doc) → { state: KongState, errors }   (deck.ts: decK/kong.yml specifics)
//   2. buildKongModel(state, { file, flavor })   → Model          (build.ts: precedence, caches, no-store, identity)
// Another front door builds a KongState (state.ts: services, routes, consumers, consumer groups, plugins, each with
// lazy SourceLocations; plugins with scope, `enabled` and a KongPluginConfig) and calls buildKongModel.
import type { InputError } from '../../findings';
import type { Model } from '../../model';
import type { YamlDocument } from '../../parse/yaml';
import type { AdapterInput, AdapterOutput, SourceAdapter } from '../types';
import { buildKongModel } from './build';
import { readDeckState } from './deck';
import { detectKong } from './detect';

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
export { detectKong } from './detect';
export { AUTH_PLUGINS, NO_STORE_PLUGINS, cacheKindOf } from './plugins';
export { PRECEDENCE, PluginIndex, scopeText } from './precedence';

export const kongAdapter: SourceAdapter = {
  format: 'kong',
  tags: 'plain',
  detect: (doc) => detectKong(doc),
  toModels({ file, parsed }: AdapterInput): AdapterOutput {
    const model: Model = { file, endpoints: [], facts: [] };
    const errors: InputError[] = [];
    parsed.documents.forEach((doc, i) => {
      // An empty document (a leading `---`, a trailing one) holds nothing to lint, wherever it is; detection already
      // found a Kong document in this file, so skipping empties cannot make a file pass unread.
      if (doc.value === null || doc.value === undefined) return;
      if (!detectKong(doc)) {
        const l = doc.locate([]);
        errors.push({ file, line: l.line, column: l.column, code: 'unknown-format', message: `YAML document ${i + 1} is not a Kong declarative configuration` });
        return;
      }
      const { state, errors: readErrors } = readDeckState(file, doc);
      const built = buildKongModel(state, { file, flavor: 'kong' });
      model.endpoints.push(...built.endpoints);
      model.facts.push(...built.facts);
      errors.push(...readErrors);
    });
    return { models: [model], errors };
  },
};

export default kongAdapter;
