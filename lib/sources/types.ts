// The contract between the engine and a platform adapter. An adapter turns parsed documents into the Model;
// it never reads files and never sees parser node types (it asks the YamlDocument for positions).
import type { InputError } from '../findings';
import type { InputProblem } from '../parse/errors';
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
  /**
   * Files of this format that cannot be judged on their own (a decK patch file without the state it changes), with
   * the reason located: an error when the file was named, listed as skipped with the reason in a directory walk.
   */
  unjudged?: InputError[];
  /** The format shown in `files[].format` for files that are a variant of this one ('deck-patch'). */
  formats?: Record<string, string>;
}

export interface SourceAdapter {
  /** Format id shown in `files[].format`: 'kong', 'kong-ingress', 'cloudformation', 'cdk-assembly'. */
  format: string;
  /** Content sniffing for directory walks: does this parsed document belong to this format? */
  detect(doc: YamlDocument, file: string): boolean;
  /** Whole-file conversion. */
  toModels(input: AdapterInput): AdapterOutput;
  /**
   * Optional: convert every file of this format in one scan together, for formats whose files refer to each other
   * (Kong Ingress manifests: a KongPlugin in one file, the Ingress that names it in another). When present, the engine
   * calls it once with all of them instead of `toModels` per file (each file is still parsed once). Errors carry
   * their own file; a file with an error is marked 'error'.
   */
  toModelsTogether?(inputs: AdapterInput[]): AdapterOutput;
  /**
   * Optional look at the raw text before it is parsed: a file this format must not parse (an unrendered Helm
   * template) is rejected with a located problem, or skipped with a reason when it is not this format's at all.
   */
  screenText?(text: string, file: string): { problem: InputProblem } | { skip: string } | undefined;
}
