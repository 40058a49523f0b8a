import type { ApiInfo, ApiMethod, SettingEntry, StageInfo } from './api-model';
import { type StageWide } from './stages';
export interface ApiIndex {
    methodsOn(api: ApiInfo, path: string): ApiMethod[];
    settingsOn(stage: StageInfo, path: string): SettingEntry[];
    stageWide(stage: StageInfo): StageWide;
    /** Stages whose unresolvable caching is already reported: one fact per stage, not one per method. */
    reportedStages: Set<string>;
}
export declare function buildApiIndex(apis: Iterable<ApiInfo>): ApiIndex;
