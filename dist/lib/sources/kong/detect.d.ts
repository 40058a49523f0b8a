import type { YamlDocument } from '../../parse/yaml';
/**
 * A `deck file patch` or `deck file add-plugins` input (go-apiops `patch/patch-file.yml`, `plugins/plugin-file.yml`):
 * `patches:` / `add-plugins:` lists. `_format_version` is optional there, so without it the entries must look like
 * decK's (selectors, values, remove; selectors, plugins, overwrite), never like kustomize's `patches` (path, target).
 */
export declare function detectDeckPatch(doc: YamlDocument): boolean;
export declare function detectKong(doc: YamlDocument): boolean;
