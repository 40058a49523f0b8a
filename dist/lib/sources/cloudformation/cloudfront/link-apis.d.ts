import { type Behaviour } from './behaviours';
import type { ApiEndpointRef, OriginInfo } from './origins';
export declare const patternMatches: (pattern: string, path: string) => boolean;
/** Puts each behaviour's layer in front of the API endpoints it serves (first matching behaviour wins). */
export declare function linkApis(behaviours: Behaviour[], origins: Map<string, OriginInfo>, apiEndpoints: Map<string, ApiEndpointRef[]>): void;
