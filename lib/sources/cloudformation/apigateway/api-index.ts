// Lookups built once, after every API, method, stage and setting is collected: endpoints and CL008 checks stay linear
// in large APIs instead of methods × settings.
import type { ApiInfo, ApiMethod, SettingEntry, StageInfo } from './api-model';
import { computeStageWide, type StageWide } from './stages';

export interface ApiIndex {
  methodsOn(api: ApiInfo, path: string): ApiMethod[];
  settingsOn(stage: StageInfo, path: string): SettingEntry[];
  stageWide(stage: StageInfo): StageWide;
  /** Stages whose unresolvable caching is already reported: one fact per stage, not one per method. */
  reportedStages: Set<string>;
}

export function buildApiIndex(apis: Iterable<ApiInfo>): ApiIndex {
  const methods = new Map<ApiInfo, Map<string, ApiMethod[]>>();
  const settings = new Map<StageInfo, Map<string, SettingEntry[]>>();
  const wide = new Map<StageInfo, StageWide>();
  for (const api of apis) {
    methods.set(
      api,
      groupBy(api.methods, (m) => m.path),
    );
    for (const stage of api.stages) {
      settings.set(
        stage,
        groupBy(stage.settings, (s) => s.path ?? ''),
      );
      wide.set(stage, computeStageWide(stage));
    }
  }
  return {
    methodsOn: (api, path) => methods.get(api)?.get(path) ?? [],
    settingsOn: (stage, path) => settings.get(stage)?.get(path) ?? [],
    stageWide: (stage) => wide.get(stage),
    reportedStages: new Set(),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
