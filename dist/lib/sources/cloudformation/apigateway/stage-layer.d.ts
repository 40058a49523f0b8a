import type { Endpoint } from '../../../model';
import type { TemplateReader } from '../template';
import type { ApiIndex } from './api-index';
import { type ApiInfo, type ApiMethod, type StageInfo } from './api-model';
/** One endpoint: (stage, path, method) with the stage cache layer when the cluster can cache it. */
export declare function endpointFor(reader: TemplateReader, index: ApiIndex, api: ApiInfo, stage: StageInfo | undefined, m: ApiMethod): Endpoint;
