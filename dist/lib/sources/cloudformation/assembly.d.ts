import type { InputError } from '../../findings';
import type { Model } from '../../model';
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
/** A folder CDK synthesised into: a manifest.json with artifacts (a `cdk.out` marker file alone is not enough). */
export declare function isCloudAssembly(dir: string): boolean;
/** The stack templates of a cloud assembly and its nested assemblies, in manifest order. */
export declare function expandCloudAssembly(dir: string): {
    stacks: AssemblyStack[];
    errors: InputError[];
};
/**
 * Models of every stack of a cloud assembly (CDK remediation flavour). `display` turns an absolute path into the
 * file name findings show (e.g. relative to the working folder).
 */
export declare function modelsFromAssembly(dir: string, display?: (absolute: string) => string): {
    models: Model[];
    errors: InputError[];
    files: string[];
};
