"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isCloudAssembly = isCloudAssembly;
exports.expandCloudAssembly = expandCloudAssembly;
exports.modelsFromAssembly = modelsFromAssembly;
// CDK cloud assemblies (cdk.out): manifest.json lists each stack artifact and its template file; nested assemblies
// (`cdk:cloud-assembly`, one per CDK Stage) hold their own manifest. Construct paths come from each resource's
// `Metadata.aws:cdk:path` (written when path metadata is on, the CDK CLI's default) and, when that is absent
// (`--no-path-metadata`), from the manifest's `aws:cdk:logicalId` metadata (inline `metadata`, or the
// `additionalMetadataFile` newer CDK versions write beside the manifest).
//
// Unlike the adapter (which only sees parsed documents), this module reads files: it is the entry point for a caller
// that is handed a cdk.out folder. Every file is read through readSource and parsed through parseYaml (JSON is YAML).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const errors_1 = require("../../parse/errors");
const source_1 = require("../../parse/source");
const yaml_1 = require("../../parse/yaml");
const index_1 = require("./index");
const template_1 = require("./template");
const STACK = 'aws:cloudformation:stack';
const NESTED = 'cdk:cloud-assembly';
/** CDK nests an assembly per Stage; deeper than this is a loop of directory names, not an app. */
const MAX_NESTING = 20;
/** A folder CDK synthesised into: a manifest.json with artifacts (a `cdk.out` marker file alone is not enough). */
function isCloudAssembly(dir) {
    const manifest = (0, node_path_1.join)(dir, 'manifest.json');
    if (!(0, node_fs_1.existsSync)(manifest))
        return false;
    try {
        const value = (0, yaml_1.parseYaml)((0, source_1.readSource)(manifest), { tags: 'plain' }).documents[0]?.value;
        return !!value && typeof value.version === 'string' && !!value.artifacts && typeof value.artifacts === 'object';
    }
    catch {
        return false;
    }
}
/** The stack templates of a cloud assembly and its nested assemblies, in manifest order. */
function expandCloudAssembly(dir) {
    const stacks = [];
    const errors = [];
    walk((0, node_path_1.resolve)(dir), new Set(), 0);
    return { stacks, errors };
    function walk(folder, seen, depth) {
        if (seen.has(folder))
            return;
        if (depth > MAX_NESTING) {
            errors.push({
                file: (0, node_path_1.join)(folder, 'manifest.json'),
                line: 1,
                column: 1,
                code: 'cdk-assembly',
                message: `nested cloud assembly more than ${MAX_NESTING} levels deep: not read`,
            });
            return;
        }
        seen.add(folder);
        const manifestFile = (0, node_path_1.join)(folder, 'manifest.json');
        const manifest = readJson(manifestFile, errors);
        if (!manifest)
            return;
        const artifacts = manifest.artifacts;
        if (!artifacts || typeof artifacts !== 'object' || Array.isArray(artifacts)) {
            errors.push({ file: manifestFile, line: 1, column: 1, code: 'cdk-assembly', message: 'manifest.json has no artifacts: not a CDK cloud assembly' });
            return;
        }
        for (const [artifactId, raw] of Object.entries(artifacts)) {
            const artifact = (raw ?? {});
            const props = (artifact.properties ?? {});
            if (artifact.type === NESTED) {
                if (typeof props.directoryName === 'string')
                    walk((0, node_path_1.resolve)(folder, props.directoryName), seen, depth + 1);
                continue;
            }
            if (artifact.type !== STACK)
                continue;
            if (typeof props.templateFile !== 'string') {
                errors.push({ file: manifestFile, line: 1, column: 1, code: 'cdk-assembly', message: `stack artifact ${artifactId} has no templateFile` });
                continue;
            }
            const constructPaths = {};
            collectLogicalIds(artifact.metadata, constructPaths);
            if (typeof artifact.additionalMetadataFile === 'string') {
                const extra = readJson((0, node_path_1.resolve)(folder, artifact.additionalMetadataFile), errors);
                if (extra)
                    collectLogicalIds(extra, constructPaths);
            }
            stacks.push({
                templateFile: (0, node_path_1.resolve)(folder, props.templateFile),
                artifactId,
                stackName: typeof props.stackName === 'string' ? props.stackName : artifactId,
                constructPath: typeof artifact.displayName === 'string' ? artifact.displayName : artifactId,
                constructPaths,
            });
        }
    }
}
/** `{ "/Stack/Api/Resource": [{ type: "aws:cdk:logicalId", data: "ApiF70053CD" }] }` → ApiF70053CD → Stack/Api/Resource. */
function collectLogicalIds(metadata, out) {
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata))
        return;
    for (const [path, entries] of Object.entries(metadata)) {
        if (!Array.isArray(entries))
            continue;
        for (const e of entries) {
            const entry = e;
            if (entry?.type === 'aws:cdk:logicalId' && typeof entry.data === 'string')
                out[entry.data] = path.replace(/^\//, '');
        }
    }
}
function readJson(file, errors) {
    try {
        const value = (0, yaml_1.parseYaml)((0, source_1.readSource)(file), { tags: 'plain' }).documents[0]?.value;
        if (value && typeof value === 'object' && !Array.isArray(value))
            return value;
        errors.push({ file, line: 1, column: 1, code: 'cdk-assembly', message: 'expected a JSON object' });
    }
    catch (e) {
        errors.push(problemToError(file, e));
    }
    return undefined;
}
function problemToError(file, e) {
    if (e instanceof errors_1.InputProblem)
        return { file, line: e.line, column: e.column, code: e.code, message: e.message };
    throw e;
}
/**
 * Models of every stack of a cloud assembly (CDK remediation flavour). `display` turns an absolute path into the
 * file name findings show (e.g. relative to the working folder).
 */
function modelsFromAssembly(dir, display = (f) => f) {
    const { stacks, errors } = expandCloudAssembly(dir);
    const models = [];
    const files = [];
    for (const stack of stacks) {
        const file = display(stack.templateFile);
        files.push(file);
        try {
            if (!(0, node_fs_1.statSync)(stack.templateFile, { throwIfNoEntry: false })?.isFile()) {
                errors.push({ file, code: 'unreadable', message: `template of stack ${stack.constructPath} is missing (listed in manifest.json)` });
                continue;
            }
            const parsed = (0, yaml_1.parseYaml)((0, source_1.readSource)(stack.templateFile), { tags: 'cloudformation' });
            const doc = parsed.documents[0];
            if (!doc || !(0, index_1.isTemplate)(doc.value, stack.templateFile)) {
                errors.push({ file, line: 1, column: 1, code: 'cdk-assembly', message: `template of stack ${stack.constructPath} has no Resources` });
                continue;
            }
            const template = doc.value;
            models.push((0, index_1.modelFromTemplate)(template, (0, template_1.documentLocator)(doc, file, template, stack.constructPaths), { file, flavor: 'cdk' }));
        }
        catch (e) {
            errors.push(problemToError(file, e));
        }
    }
    return { models, errors, files };
}
