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
import { isRecord } from './placeholders';

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
export { AUTH_PLUGINS, NO_STORE_PLUGINS, cacheKindOf } from './plugins';
export { PRECEDENCE, PluginIndex, scopeText } from './precedence';

const ENTITY_KEYS = ['services', 'routes', 'plugins', 'consumers', 'consumer_groups'];
const DECK_KEYS = ['_plugin_configs', '_info', '_konnect', '_workspace', '_transform'];

/** Entries that look like Kong entities (objects with the fields Kong's schemas have), not like other YAML lists. */
function kongShaped(key: string, list: unknown[]): boolean {
  const items = list.filter(isRecord);
  if (items.length === 0 || items.length !== list.length) return false;
  const has = (o: Record<string, unknown>, fields: string[]) => fields.some((f) => f in o);
  switch (key) {
    case 'services':
      return items.some((s) => has(s, ['url', 'host', 'routes', 'protocol', 'port', 'connect_timeout', 'retries']));
    case 'routes':
      return items.some((r) => has(r, ['paths', 'methods', 'hosts', 'expression', 'strip_path', 'service', 'headers', 'snis']));
    case 'plugins':
      return items.every((p) => typeof p.name === 'string') && items.some((p) => has(p, ['config', 'enabled', 'service', 'route', 'consumer', 'consumer_group', 'protocols', '_config', 'instance_name']));
    case 'consumers':
      return items.some((c) => has(c, ['username', 'custom_id', 'keyauth_credentials', 'jwt_secrets', 'basicauth_credentials', 'acls']));
    case 'consumer_groups':
      return items.some((g) => typeof g.name === 'string' && has(g, ['consumers', 'plugins']));
  }
  return false;
}

function isDeckPatchFile(root: Record<string, unknown>): boolean {
  // `deck file patch` / `deck file add-plugins` inputs: transformations of a state file, not a state file.
  return ('patches' in root || 'add-plugins' in root) && !ENTITY_KEYS.some((k) => Array.isArray(root[k]));
}

export function detectKong(doc: YamlDocument): boolean {
  const root = doc.value;
  if (!isRecord(root)) return false;
  // Other formats that carry `services`/`plugins`: Kubernetes manifests, CloudFormation, OpenAPI, compose files.
  if ('apiVersion' in root || 'kind' in root) return false;
  if ('AWSTemplateFormatVersion' in root || 'Resources' in root || 'Transform' in root) return false;
  if ('openapi' in root || 'swagger' in root) return false;
  if (isDeckPatchFile(root)) return false;
  if ('_format_version' in root) return true;
  if (ENTITY_KEYS.some((k) => root[k] !== undefined && root[k] !== null && !Array.isArray(root[k]))) return false; // compose `services:` mapping
  if (ENTITY_KEYS.some((k) => Array.isArray(root[k]) && kongShaped(k, root[k] as unknown[]))) return true;
  return isRecord(root._plugin_configs) || (isRecord(root._info) && ENTITY_KEYS.some((k) => Array.isArray(root[k])));
}

export const kongAdapter: SourceAdapter = {
  format: 'kong',
  tags: 'plain',
  detect: (doc) => detectKong(doc),
  toModels({ file, parsed }: AdapterInput): AdapterOutput {
    const model: Model = { file, endpoints: [], facts: [] };
    const errors: InputError[] = [];
    parsed.documents.forEach((doc, i) => {
      if (i > 0 && (doc.value === null || doc.value === undefined)) return;
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
