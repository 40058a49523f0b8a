import type { InputError } from '../findings';
import type { Model } from '../model';
import type { YamlDocument, YamlFile } from '../parse/yaml';
export interface AdapterInput {
    /** Path as the user named it (relative to cwd when inside it). */
    file: string;
    parsed: YamlFile;
}
export interface AdapterOutput {
    models: Model[];
    /** Located problems that make (part of) the file unjudgeable: reported, exit 2, never silently dropped. */
    errors: InputError[];
}
export interface SourceAdapter {
    /** Format id shown in `files[].format`: 'kong', 'kong-ingress', 'cloudformation', 'cdk-assembly'. */
    format: string;
    /** YAML tags the file needs (CloudFormation short forms). */
    tags: 'plain' | 'cloudformation';
    /** Content sniffing for directory walks: does this parsed document belong to this format? */
    detect(doc: YamlDocument, file: string): boolean;
    /** Whole-file conversion. */
    toModels(input: AdapterInput): AdapterOutput;
}
