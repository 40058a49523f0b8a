import type { TemplateReader } from '../template';
import { type ApiInfo } from './api-model';
/** Reads AWS::ApiGateway::RestApi / Resource / Method / Authorizer resources and inline OpenAPI bodies. */
export declare function collectRestApis(reader: TemplateReader, apis: Map<string, ApiInfo>): void;
/**
 * The API a RestApiId points at. An API defined elsewhere (a parameter, Fn::ImportValue, a literal id) becomes an
 * incomplete API of its own, so a Stage of this template that caches a write on it is still judged.
 */
export declare function apiFor(reader: TemplateReader, apis: Map<string, ApiInfo>, ref: unknown): ApiInfo | undefined;
