/** True for a parsed value that looks like a CloudFormation/SAM template or a cdk.out stack template. */
export declare function isTemplate(value: unknown, file?: string): boolean;
