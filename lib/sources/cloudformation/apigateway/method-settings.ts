// CL008's evidence: MethodSettings that match nothing, duplicates, and forms whose reading is UNCONFIRMED.
import type { TemplateReader } from '../template';
import type { ApiIndex } from './api-index';
import type { ApiInfo, SettingEntry, StageInfo } from './api-model';
import { ENCODE, effectiveCaching, stageLabel } from './stages';

/** CL008: settings that match nothing; duplicates; the unencoded form. Returns nothing: facts go to the reader. */
export function checkSettings(reader: TemplateReader, index: ApiIndex, api: ApiInfo, stage: StageInfo): void {
  if (stage.cluster.known && !stage.cluster.value) return; // nothing is cached on this stage: the settings decide nothing
  const seen = new Map<string, SettingEntry>();
  for (const s of stage.settings) {
    const touchesCache = s.caching !== undefined || s.ttl !== undefined;
    const fact = (kind: 'ineffective-method-setting' | 'ambiguous-setting', message: string, fix?: string) =>
      reader.facts.push({
        kind,
        resource: stage.resource,
        route: `${s.rawMethod} ${s.rawPath}`,
        findingId: settingFindingId(s),
        at: s.at,
        message,
        fix: fix ? { summary: fix, snippet: settingSnippet(s, reader.flavor) } : undefined,
        flavor: reader.flavor,
        platform: 'apigateway',
      });
    if (!touchesCache) continue;
    const what = `MethodSetting ResourcePath: ${s.rawPath}, HttpMethod: ${s.rawMethod} on stage ${stageLabel(stage)}`;
    if (!s.method) {
      fact('ineffective-method-setting', `${what} matches nothing: ${s.rawMethod} is not an HTTP method API Gateway knows.`, 'Use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, ANY or * (with ResourcePath /*).');
      continue;
    }
    if (s.path === undefined) {
      fact(
        'ineffective-method-setting',
        `${what} matches nothing: the only wildcard is ResourcePath /* with HttpMethod *, and a resource path must start with / followed by the path with each / written as ~1 (/~1orders~1{id}).`,
        'Write the resource path as /~1<path with ~1 for each slash> with the verb, or /* with *.',
      );
      continue;
    }
    if (s.path === '*' && s.method !== '*') {
      fact(
        'ineffective-method-setting',
        `${what} matches nothing: ResourcePath /* only works with HttpMethod * (SAM #579, #1518), so this ${describe(s)} has no effect.`,
        'Name the resource: ResourcePath /~1<path> with this HttpMethod, once per resource (or use /* with * for the whole stage).',
      );
      continue;
    }
    if (s.unencoded)
      fact(
        'ambiguous-setting',
        `${what}: AWS documents the resource path encoded, each / after the first written ~1 (${ENCODE(s.path)}); whether API Gateway matches the unencoded form is UNCONFIRMED (docs/platforms/api-gateway.md#method-settings). cachelint reads it as the resource ${s.path}.`,
        `Write ResourcePath: ${ENCODE(s.path)}.`,
      );
    else if (s.path !== '*' && s.method === '*')
      fact(
        'ambiguous-setting',
        `${what}: a specific path with HttpMethod * is not a documented form (docs/platforms/api-gateway.md#method-settings); cachelint reads it as GET-only caching for ${s.path}, like */*.`,
        'Name each method: one MethodSetting per HttpMethod on this ResourcePath.',
      );
    if (s.path !== '*' && s.method !== '*' && api.complete && api.methods.length > 0) {
      const onPath = index.methodsOn(api, s.path);
      const has = onPath.some((m) => m.httpMethod === s.method || m.httpMethod === 'ANY');
      if (!has) {
        const methods = onPath.map((m) => m.httpMethod);
        fact(
          'ineffective-method-setting',
          `${what} matches nothing: API ${api.id} has ${methods.length ? `only ${methods.join(', ')} on ${s.path}` : `no resource ${s.path}`}, so this ${describe(s)} has no effect.`,
          'Point the setting at a resource path and method the API has (ResourcePath /~1<path>, encoded).',
        );
      }
    }
    const key = `${s.path} ${s.method}`;
    const prev = seen.get(key);
    const exclusive = prev?.condition && s.condition && prev.condition.name === s.condition.name && prev.condition.branch !== s.condition.branch;
    if (prev && !exclusive) {
      const a = effectiveCaching(prev.caching, prev.ttl);
      const b = effectiveCaching(s.caching, s.ttl);
      const differ = !a || !b || !a.known || !b.known || a.value !== b.value;
      fact(
        'ambiguous-setting',
        `${what} duplicates the entry at line ${prev.at.line}${differ ? ' with a different caching value' : ''}: which one API Gateway applies is UNCONFIRMED (docs/platforms/api-gateway.md#cdk-to-cloudformation); cachelint evaluates both.`,
        'Keep one MethodSetting per ResourcePath and HttpMethod.',
      );
    } else seen.set(key, s);
  }
}

function describe(s: SettingEntry): string {
  const c = effectiveCaching(s.caching, s.ttl);
  if (c?.known) return c.value ? 'CachingEnabled: true' : 'CachingEnabled: false (a fix that fixes nothing)';
  return 'setting';
}

function settingFindingId(s: SettingEntry): string {
  if (s.path && s.path !== '*' && s.method) return `${s.path === '/' ? '' : s.path}/${s.method}`;
  return `${s.rawPath}/${s.rawMethod}`;
}

function settingSnippet(s: SettingEntry, flavor: string): string {
  const c = effectiveCaching(s.caching, s.ttl);
  const v = c?.known ? String(c.value) : 'false';
  const path = s.path && s.path !== '*' ? s.path : '/orders';
  const method = s.method && s.method !== '*' ? s.method : 'POST';
  if (flavor === 'cdk') return `methodOptions: {\n  '${path === '/' ? '/' : path}/${method}': { cachingEnabled: ${v} },\n}`;
  return `MethodSettings:\n  - ResourcePath: ${ENCODE(path)}\n    HttpMethod: ${method}\n    CachingEnabled: ${v}`;
}
