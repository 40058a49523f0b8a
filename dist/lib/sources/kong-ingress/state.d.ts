import type { InputError } from '../../findings';
import { type KongState } from '../kong/state';
import { type K8sObject } from './manifests';
export interface IngressStateResult {
    state: KongState;
    errors: InputError[];
}
export declare function buildIngressState(objects: K8sObject[]): IngressStateResult;
