import type { Endpoint, Value } from '../../../model';
import type { TemplatePath, TemplateReader } from '../template';
export interface OriginInfo {
    id: string;
    staticOrigin: boolean;
    /** A REST API of this template (logical id) and the OriginPath in front of it. */
    apiId?: string;
    originPath: string;
}
export interface ApiEndpointRef {
    stageName: Value<string>;
    endpoint: Endpoint;
}
export declare function readOrigins(reader: TemplateReader, cfgPath: TemplatePath, apis: Map<string, ApiEndpointRef[]>): Map<string, OriginInfo>;
