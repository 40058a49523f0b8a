import type { YamlDocument } from '../../parse/yaml';
export declare function detectKong(doc: YamlDocument): boolean;
