import type { CacheLayer, Endpoint, HeaderPolicy, Method, Value } from '../../../model';
import type { TemplatePath, TemplateReader } from '../template';
import type { OriginInfo } from './origins';
export interface Behaviour {
    pattern?: string;
    /** Its PathPattern is decided at deploy time: shown as written, matched against nothing. */
    deployTime?: boolean;
    allowed: Value<Method[]>;
    originId?: string;
    layer?: CacheLayer;
    noStore: Value<HeaderPolicy | undefined>;
}
/** The behaviour's PathPattern; an unresolvable one (`deployTime`) is labelled by its position and matches no API path. */
export declare function patternOf(reader: TemplateReader, path: TemplatePath): {
    pattern: string;
    deployTime?: true;
};
export declare function behaviourEndpoint(reader: TemplateReader, distribution: string, path: TemplatePath, pattern: string | undefined, origins: Map<string, OriginInfo>): {
    endpoint: Endpoint;
    behaviour: Behaviour;
};
export declare function normalisePattern(p: string): string;
