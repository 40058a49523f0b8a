import type { Endpoint } from '../../../model';
import type { TemplateReader } from '../template';
import { type ApiEndpointRef } from './origins';
export type { ApiEndpointRef } from './origins';
export { patternMatches } from './link-apis';
export { templatePolicy } from './policies';
export declare function cloudFrontEndpoints(reader: TemplateReader, apiEndpoints: Map<string, ApiEndpointRef[]>): Endpoint[];
