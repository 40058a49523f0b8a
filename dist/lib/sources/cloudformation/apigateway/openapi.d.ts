import type { TemplatePath, TemplateReader } from '../template';
import { type ApiInfo } from './api-model';
/** Methods of an inline OpenAPI/Swagger body with x-amazon-apigateway-integration (§1.8). */
export declare function readOpenApi(reader: TemplateReader, api: ApiInfo, bodyPath: TemplatePath): void;
