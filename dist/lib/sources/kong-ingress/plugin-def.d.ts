import type { InputError } from '../../findings';
import { type KongPlugin } from '../kong/state';
import { type K8sObject } from './manifests';
type PluginBase = Omit<KongPlugin, 'key' | 'scope'>;
/** The parts of a plugin instance every attachment of one KongPlugin / KongClusterPlugin shares; undefined when unusable. */
export declare function readPluginDef(def: K8sObject, errors: InputError[]): PluginBase | undefined;
export {};
