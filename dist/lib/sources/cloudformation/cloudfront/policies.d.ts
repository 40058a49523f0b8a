import type { CacheLayer, HeaderPolicy, Method, Value } from '../../../model';
import { type Resolved } from '../intrinsics';
import { type TemplatePath, type TemplateReader } from '../template';
export declare const GET_HEAD: Method[];
export declare function methodList(reader: TemplateReader, r: Resolved): Resolved<Method[]>;
/** The cache of one behaviour: CachePolicyId (managed or template policy) or legacy ForwardedValues. */
export declare function cacheLayer(reader: TemplateReader, path: TemplatePath): CacheLayer | undefined;
/**
 * The logical id of a policy of this template that a behaviour points at: `!Ref P`, `!GetAtt P.Id`, `!Sub ${P}` or
 * `!Sub ${P.Id}` (all give the policy id). Undefined for managed IDs, parameters and anything else.
 */
export declare function templatePolicy(reader: TemplateReader, raw: unknown, type: string): string | undefined;
/** ResponseHeadersPolicyId → a Cache-Control custom header containing no-store with Override: true (§2.5). */
export declare function responseHeadersNoStore(reader: TemplateReader, path: TemplatePath): Value<HeaderPolicy | undefined>;
