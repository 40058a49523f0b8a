import type { SourceAdapter } from '../types';
export { detectKongIngress, screenKongIngressText } from './detect';
export { buildIngressState } from './state';
export { readManifests } from './manifests';
export declare const kongIngressAdapter: SourceAdapter;
export default kongIngressAdapter;
