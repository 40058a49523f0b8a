import type { ApiInfo } from './apigateway';
import type { TemplateReader } from './template';
export declare const IMPLICIT_API = "ServerlessRestApi";
export declare function collectSam(reader: TemplateReader, apis: Map<string, ApiInfo>): void;
