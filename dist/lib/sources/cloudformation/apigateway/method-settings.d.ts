import type { TemplateReader } from '../template';
import type { ApiIndex } from './api-index';
import type { ApiInfo, StageInfo } from './api-model';
/** CL008: settings that match nothing; duplicates; the unencoded form. Returns nothing: facts go to the reader. */
export declare function checkSettings(reader: TemplateReader, index: ApiIndex, api: ApiInfo, stage: StageInfo): void;
