import type { IConstruct } from 'constructs';
import type { IAspect } from 'aws-cdk-lib';
import { type CacheLintProps } from './analyze';
export type CacheLintAspectProps = CacheLintProps;
export declare class CacheLintAspect implements IAspect {
    private readonly props;
    private config?;
    private readonly done;
    constructor(props?: CacheLintAspectProps);
    visit(node: IConstruct): void;
}
/** Metadata type of the audit trail an acknowledged or suppressed finding leaves (cdk.out/<Stack>.metadata.json). */
export declare const SUPPRESSED_METADATA_TYPE = "cachelint:suppressed";
