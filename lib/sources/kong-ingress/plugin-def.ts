// A KongPlugin / KongClusterPlugin definition as Kong runs it: name, disabled, protocols, and its config (inline,
// from a Secret via configFrom, or patched from Secrets via configPatches).
import type { InputError } from '../../findings';
import { known, unknown, type SourceLocation, type Value, type ValuePath } from '../../model';
import { LayeredPluginConfig, OpaquePluginConfig, type ConfigEntry, type KongPlugin, type KongPluginConfig } from '../kong/state';
import { errorAt, isRecord, locOf, type K8sObject } from './manifests';

type PluginBase = Omit<KongPlugin, 'key' | 'scope'>;

/** The parts of a plugin instance every attachment of one KongPlugin / KongClusterPlugin shares; undefined when unusable. */
export function readPluginDef(def: K8sObject, errors: InputError[]): PluginBase | undefined {
  const o = def.obj;
  if (typeof o.plugin !== 'string' || !o.plugin) {
    errors.push(errorAt(def, [], 'invalid-manifest', `${def.id} has no \`plugin:\` (the Kong plugin name): cachelint cannot tell what it does`));
    return undefined;
  }
  // A plugin limited to protocols Kong routes no HTTP on never runs for an Ingress/HTTPRoute request.
  if (Array.isArray(o.protocols) && o.protocols.length && !o.protocols.some((p) => p === 'http' || p === 'https')) return undefined;
  const at = locOf(def, ['plugin']);
  let enabled: Value<boolean> = known(true);
  if (o.disabled !== undefined && o.disabled !== null) {
    const d = o.disabled;
    if (typeof d === 'boolean') enabled = known(!d);
    else if (typeof d === 'string' && /^(true|false)$/i.test(d.trim())) enabled = known(d.trim().toLowerCase() !== 'true');
    else enabled = unknown(`disabled is ${JSON.stringify(d)}, not a boolean`, locOf(def, ['disabled']));
  }
  const enabledAt = 'disabled' in o ? locOf(def, ['disabled']) : at;
  let config: KongPluginConfig;
  let configPath: ValuePath | undefined;
  if (o.configFrom !== undefined && o.configFrom !== null) {
    const ref = isRecord(o.configFrom) && isRecord(o.configFrom.secretKeyRef) ? o.configFrom.secretKeyRef : undefined;
    const ns = typeof ref?.namespace === 'string' ? ref.namespace : def.namespace;
    const secret =
      typeof ref?.name === 'string' ? `Secret ${ns ? `${ns}/` : ''}${ref.name}${typeof ref.key === 'string' ? ` (key ${ref.key})` : ''}` : 'a Secret';
    config = new OpaquePluginConfig(`the config of ${def.id} comes from ${secret} (configFrom), which a static scan cannot read`, (sub) =>
      locOf(def, ['configFrom', ...sub]),
    );
  } else {
    if (o.config !== undefined && o.config !== null && !isRecord(o.config))
      errors.push(errorAt(def, ['config'], 'invalid-manifest', `${def.id}: config must be a mapping`));
    config = new LayeredPluginConfig(isRecord(o.config) ? o.config : undefined, (sub) => locOf(def, ['config', ...sub]));
    if (Array.isArray(o.configPatches) && o.configPatches.length) config = new PatchedConfig(config, def);
    else configPath = { file: def.file, document: def.doc.index, path: [...def.base, 'config'] };
  }
  return { name: o.plugin, enabled, at, enabledAt, config, resource: def.id, ...(configPath ? { configPath } : {}) };
}

/** `configPatches` (KIC 3.x): JSON-patch paths whose values come from Secrets; reads of those keys are unknown. */
class PatchedConfig implements KongPluginConfig {
  private readonly patched = new Map<string, { at: SourceLocation; secret: string }>();
  constructor(
    private readonly inner: KongPluginConfig,
    private readonly def: K8sObject,
  ) {
    (def.obj.configPatches as unknown[]).forEach((p, i) => {
      if (!isRecord(p) || typeof p.path !== 'string') return;
      const key = p.path
        .replace(/^\//, '')
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .join('/');
      const ref = isRecord(p.valueFrom) && isRecord(p.valueFrom.secretKeyRef) ? p.valueFrom.secretKeyRef : undefined;
      this.patched.set(key, {
        at: locOf(def, ['configPatches', i]),
        secret: typeof ref?.name === 'string' ? `Secret ${def.namespace ? `${def.namespace}/` : ''}${ref.name}` : 'a Secret',
      });
    });
  }
  private unknownEntry(key: string, hit: { at: SourceLocation; secret: string }): ConfigEntry {
    const why = `config ${key} of ${this.def.id} comes from ${hit.secret} (configPatches), which a static scan cannot read`;
    return { value: undefined, unknownWhy: why, at: hit.at, locate: () => hit.at };
  }
  get(key: string): ConfigEntry | undefined {
    const hit = this.patched.get(key);
    return hit ? this.unknownEntry(key, hit) : this.inner.get(key);
  }
  getIn(key: string, sub: string): ConfigEntry | undefined {
    const hit = this.patched.get(key) ?? this.patched.get(`${key}/${sub}`);
    return hit ? this.unknownEntry(`${key}/${sub}`, hit) : this.inner.getIn(key, sub);
  }
}
