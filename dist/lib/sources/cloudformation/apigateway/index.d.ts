import type { Endpoint, Value } from '../../../model';
import type { TemplateReader } from '../template';
import type { ApiInfo } from './api-model';
export type { ApiInfo, ApiMethod, HttpMethod, StageInfo } from './api-model';
export { joinPath, markIncomplete, normaliseMethod, selectingParams } from './api-model';
export { readOpenApi } from './openapi';
export { apiFor, collectRestApis } from './rest-api';
export { collectStages, parseSettingKey, readStage } from './stages';
/** Endpoints of every API and stage; CL008/CL006 facts for settings that match nothing or cannot be read. */
export declare function apiEndpoints(reader: TemplateReader, apis: Map<string, ApiInfo>): Map<string, {
    stageName: Value<string>;
    endpoint: Endpoint;
}[]>;
