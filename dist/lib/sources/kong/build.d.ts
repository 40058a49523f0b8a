import type { Model } from '../../model';
import type { KongState } from './state';
export interface BuildKongModelOptions {
    /** The file findings point at (every location in the state carries its own file too). */
    file: string;
    /** Which input format the user edits: decides remediation text ('kong' = decK/kong.yml, 'kong-ingress' = manifests). */
    flavor: 'kong' | 'kong-ingress';
}
/**
 * Builds the model of one Kong state. Per route and per plugin name, the single most specific enabled instance
 * applies (disabled instances never shadow; they are recorded as `inertCacheInstances` when a broader enabled cache
 * still runs → CL009). Consumer- and consumer-group-scoped caching instances that would replace the consumer-less one
 * for some caller become extra layers with `details.findingSuffix` `@consumer:<name>` / `@consumer-group:<name>`.
 * Linear: lookups go through maps keyed by scope, never route × plugin scans.
 */
export declare function buildKongModel(state: KongState, options: BuildKongModelOptions): Model;
