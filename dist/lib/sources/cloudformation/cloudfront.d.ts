import type { Endpoint, Value } from '../../model';
import { type TemplateReader } from './template';
export interface ApiEndpointRef {
    stageName: Value<string>;
    endpoint: Endpoint;
}
export declare function cloudFrontEndpoints(reader: TemplateReader, apiEndpoints: Map<string, ApiEndpointRef[]>): Endpoint[];
/**
 * The logical id of a policy of this template that a behaviour points at: `!Ref P`, `!GetAtt P.Id`, `!Sub ${P}` or
 * `!Sub ${P.Id}` (all give the policy id). Undefined for managed IDs, parameters and anything else.
 */
export declare function templatePolicy(reader: TemplateReader, raw: unknown, type: string): string | undefined;
/** CloudFront path pattern match: `*` any characters (slashes included), `?` one character. */
export declare function patternMatches(pattern: string, path: string): boolean;
