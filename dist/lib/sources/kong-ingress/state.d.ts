import type { InputError } from '../../findings';
import { type Method, type SourceLocation, type Value } from '../../model';
import type { PathSegment } from '../../parse/yaml';
import { type KongConsumer, type KongConsumerGroup, type KongRoute, type KongService, type KongState } from '../kong/state';
import { type K8sObject } from './manifests';
interface Relations {
    def: K8sObject;
    consumers: KongConsumer[];
    groups: KongConsumerGroup[];
    routes: KongRoute[];
    services: KongService[];
}
export interface IngressStateResult {
    state: KongState;
    errors: InputError[];
}
/** Route methods from a comma list (`"GET, POST"`); verbs the model has no name for are left out. */
export declare function methodsFromText(text: string): Method[];
/** The scanned objects a reference can name, by `namespace/name` (cluster-scoped kinds: name); built once. */
export interface ObjectIndex {
    plugins: Map<string, K8sObject[]>;
    clusterPlugins: Map<string, K8sObject[]>;
    services: Map<string, K8sObject[]>;
    facades: Map<string, K8sObject[]>;
    groupsByName: Map<string, K8sObject[]>;
    kongIngresses: Map<string, K8sObject[]>;
}
type PluginKind = 'KongPlugin' | 'KongClusterPlugin';
/**
 * The one plugin-reference resolver: the first of `kinds` that the scan defines, a KongPlugin in `namespace`, a
 * KongClusterPlugin by name (annotations try both, `ns:name` and ExtensionRef name one kind).
 */
export declare function resolvePlugin(index: ObjectIndex, from: K8sObject, namespace: string, name: string, kinds: PluginKind[]): K8sObject | undefined;
export declare function buildIngressState(objects: K8sObject[]): IngressStateResult;
/** The Kong entities being built, each made once per definition, and which of them each plugin is named by. */
export declare class IngressStateBuilder {
    readonly objects: K8sObject[];
    readonly index: ObjectIndex;
    readonly state: KongState;
    readonly errors: InputError[];
    readonly relations: Map<K8sObject, Relations>;
    private readonly serviceOf;
    private readonly groupOf;
    private readonly findingIds;
    constructor(objects: K8sObject[], index: ObjectIndex);
    relationsOf(def: K8sObject): Relations;
    /** Resolves the plugin names of `konghq.com/plugins` on `owner`; reports names no scanned file defines. */
    pluginRefs(owner: K8sObject): K8sObject[];
    serviceFor(def: K8sObject | undefined, fallbackId: string, at: SourceLocation): KongService;
    /** The Kong service behind a backend reference (Ingress `backend`, HTTPRoute `backendRefs[]`). */
    backendService(owner: K8sObject, kind: string, ns: string, name: string, at: SourceLocation): KongService;
    groupFor(def: K8sObject | undefined, fallbackId: string, at: SourceLocation): KongConsumerGroup;
    addRoute(owner: K8sObject, path: string, host: string | undefined, methods: Value<Method[]>, service: KongService | undefined, at: PathSegment[], extra?: Record<string, string>): KongRoute;
}
export {};
