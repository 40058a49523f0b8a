// CDK cloud assemblies (cdk.out): manifest.json lists each stack artifact and its template file; nested assemblies
// (`cdk:cloud-assembly`, one per CDK Stage) hold their own manifest. Construct paths come from each resource's
// `Metadata.aws:cdk:path` (written when path metadata is on, the CDK CLI's default) and, when that is absent
// (`--no-path-metadata`), from the manifest's `aws:cdk:logicalId` metadata (inline `metadata`, or the
// `additionalMetadataFile` newer CDK versions write beside the manifest).
//
// Unlike the adapter (which only sees parsed documents), this module reads files: it is the entry point for a caller
// that is handed a cdk.out folder. Every file is read through readSource and parsed through parseYaml (JSON is YAML).
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputError } from '../../findings';
import type { Model } from '../../model';
import { InputProblem } from '../../parse/errors';
import { readSource } from '../../parse/source';
import { parseYaml } from '../../parse/yaml';
import { isTemplate, modelFromTemplate } from './index';
import { documentLocator } from './template';

export interface AssemblyStack {
  /** Absolute path of the stack's template file. */
  templateFile: string;
  /** Manifest artifact id (`Webhooks`, `ProdWebhooksA33FEE4D`). */
  artifactId: string;
  /** CloudFormation stack name (`properties.stackName`, else the artifact id). */
  stackName: string;
  /** Construct path of the stack (`displayName`): `Webhooks`, `Prod/Webhooks`. */
  constructPath: string;
  /** Logical id → construct path of the resource (`Prod/Webhooks/Api/Resource`), from the manifest metadata. */
  constructPaths: Record<string, string>;
}

const STACK = 'aws:cloudformation:stack';
const NESTED = 'cdk:cloud-assembly';
/** CDK nests an assembly per Stage; deeper than this is a loop of directory names, not an app. */
const MAX_NESTING = 20;

/** A folder CDK synthesised into: a manifest.json with artifacts (a `cdk.out` marker file alone is not enough). */
export function isCloudAssembly(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    const value = parseYaml(readSource(manifest), { tags: 'plain' }).documents[0]?.value as Record<string, unknown> | undefined;
    return !!value && typeof value.version === 'string' && !!value.artifacts && typeof value.artifacts === 'object';
  } catch {
    return false;
  }
}

/** The stack templates of a cloud assembly and its nested assemblies, in manifest order. */
export function expandCloudAssembly(dir: string): { stacks: AssemblyStack[]; errors: InputError[] } {
  const stacks: AssemblyStack[] = [];
  const errors: InputError[] = [];
  walk(resolve(dir), new Set(), 0);
  return { stacks, errors };

  function walk(folder: string, seen: Set<string>, depth: number): void {
    if (seen.has(folder)) return;
    if (depth > MAX_NESTING) {
      errors.push({
        file: join(folder, 'manifest.json'),
        line: 1,
        column: 1,
        code: 'cdk-assembly',
        message: `nested cloud assembly more than ${MAX_NESTING} levels deep: not read`,
      });
      return;
    }
    seen.add(folder);
    const manifestFile = join(folder, 'manifest.json');
    const manifest = readJson(manifestFile, errors);
    if (!manifest) return;
    const artifacts = manifest.artifacts;
    if (!artifacts || typeof artifacts !== 'object' || Array.isArray(artifacts)) {
      errors.push({ file: manifestFile, line: 1, column: 1, code: 'cdk-assembly', message: 'manifest.json has no artifacts: not a CDK cloud assembly' });
      return;
    }
    for (const [artifactId, raw] of Object.entries(artifacts as Record<string, unknown>)) {
      const artifact = (raw ?? {}) as Record<string, unknown>;
      const props = (artifact.properties ?? {}) as Record<string, unknown>;
      if (artifact.type === NESTED) {
        if (typeof props.directoryName === 'string') walk(resolve(folder, props.directoryName), seen, depth + 1);
        continue;
      }
      if (artifact.type !== STACK) continue;
      if (typeof props.templateFile !== 'string') {
        errors.push({ file: manifestFile, line: 1, column: 1, code: 'cdk-assembly', message: `stack artifact ${artifactId} has no templateFile` });
        continue;
      }
      const constructPaths: Record<string, string> = {};
      collectLogicalIds(artifact.metadata, constructPaths);
      if (typeof artifact.additionalMetadataFile === 'string') {
        const extra = readJson(resolve(folder, artifact.additionalMetadataFile), errors);
        if (extra) collectLogicalIds(extra, constructPaths);
      }
      stacks.push({
        templateFile: resolve(folder, props.templateFile),
        artifactId,
        stackName: typeof props.stackName === 'string' ? props.stackName : artifactId,
        constructPath: typeof artifact.displayName === 'string' ? artifact.displayName : artifactId,
        constructPaths,
      });
    }
  }
}

/** `{ "/Stack/Api/Resource": [{ type: "aws:cdk:logicalId", data: "ApiF70053CD" }] }` → ApiF70053CD → Stack/Api/Resource. */
function collectLogicalIds(metadata: unknown, out: Record<string, string>): void {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return;
  for (const [path, entries] of Object.entries(metadata as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const entry = e as Record<string, unknown> | null;
      if (entry?.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') out[entry.data] = path.replace(/^\//, '');
    }
  }
}

function readJson(file: string, errors: InputError[]): Record<string, unknown> | undefined {
  try {
    const value = parseYaml(readSource(file), { tags: 'plain' }).documents[0]?.value;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    errors.push({ file, line: 1, column: 1, code: 'cdk-assembly', message: 'expected a JSON object' });
  } catch (e) {
    errors.push(problemToError(file, e));
  }
  return undefined;
}

function problemToError(file: string, e: unknown): InputError {
  if (e instanceof InputProblem) return { file, line: e.line, column: e.column, code: e.code, message: e.message };
  throw e;
}

/**
 * Models of every stack of a cloud assembly (CDK remediation flavour). `display` turns an absolute path into the
 * file name findings show (e.g. relative to the working folder).
 */
export function modelsFromAssembly(dir: string, display: (absolute: string) => string = (f) => f): { models: Model[]; errors: InputError[]; files: string[] } {
  const { stacks, errors } = expandCloudAssembly(dir);
  const models: Model[] = [];
  const files: string[] = [];
  for (const stack of stacks) {
    const file = display(stack.templateFile);
    files.push(file);
    try {
      if (!statSync(stack.templateFile, { throwIfNoEntry: false })?.isFile()) {
        errors.push({ file, code: 'unreadable', message: `template of stack ${stack.constructPath} is missing (listed in manifest.json)` });
        continue;
      }
      const parsed = parseYaml(readSource(stack.templateFile), { tags: 'cloudformation' });
      const doc = parsed.documents[0];
      if (!doc || !isTemplate(doc.value, stack.templateFile)) {
        errors.push({ file, line: 1, column: 1, code: 'cdk-assembly', message: `template of stack ${stack.constructPath} has no Resources` });
        continue;
      }
      const template = doc.value as Record<string, unknown>;
      models.push(modelFromTemplate(template, documentLocator(doc, file, template, stack.constructPaths), { file, flavor: 'cdk' }));
    } catch (e) {
      errors.push(problemToError(file, e));
    }
  }
  return { models, errors, files };
}
