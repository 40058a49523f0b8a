import type { SourceLocation, Value } from '../../../model';
import { type Item, type TemplatePath, type TemplateReader } from '../template';
import { type ApiInfo, type StageInfo } from './api-model';
export declare const STAGE_WIDE_CAVEAT = "Stage-wide (*/*) caching is read as GET-only (AWS caching guide, docs/platforms/api-gateway.md#stage-wide-caching); runtime behaviour for other methods is UNCONFIRMED";
/** AWS::ApiGateway::Stage and AWS::ApiGateway::Deployment (StageName / StageDescription). */
export declare function collectStages(reader: TemplateReader, apis: Map<string, ApiInfo>): void;
export declare function readStage(reader: TemplateReader, resource: string, base: TemplatePath, stageName: Value<string>, opts: {
    cluster: Value<boolean>;
}, extraSettings?: Item[]): StageInfo;
/** Normalises a MethodSetting key (§1.2): `/*` + `*` → stage-wide; `/~1a~1{id}` → `/a/{id}`; `/` → root. */
export declare function parseSettingKey(rawPath: string, rawMethod: string): {
    path?: string;
    method?: string;
    unencoded?: boolean;
};
export declare function stageLabel(stage: StageInfo): string;
/** Whether the stage may cache anything: a cluster not known off, and a caching setting on or not known off. */
export declare function stageCachesAnything(stage: StageInfo): boolean;
/** Whether the stage certainly caches: a cluster and a caching setting both known on (messages say "may" otherwise). */
export declare function stageSurelyCaches(stage: StageInfo): boolean;
/** The stage-wide setting: `/*` + `*` entries and StageDescription.CachingEnabled (every entry counts; any on = on). */
export type StageWide = {
    on: boolean | undefined;
    why?: Value<boolean>;
    ttl?: Value<number>;
    at: SourceLocation;
    caveats: string[];
} | undefined;
export declare function computeStageWide(stage: StageInfo): StageWide;
/** CachingEnabled combined with TTL (TTL 0 disables caching); undefined when the entry does not say. */
export declare function effectiveCaching(caching: Value<boolean> | undefined, ttl: Value<number> | undefined): Value<boolean> | undefined;
