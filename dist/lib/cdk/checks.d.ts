import type { IConstruct } from 'constructs';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { type CacheLintProps } from './analyze';
export type CacheLintChecksProps = CacheLintProps;
/** First aws-cdk-lib release whose validation context carries the construct tree (`appConstruct`). */
export declare const MIN_AWS_CDK_LIB_FOR_CHECKS = "2.258.0";
export declare class CacheLintChecks implements IPolicyValidationPlugin {
    readonly name = "CacheLint";
    readonly version: string;
    readonly ruleIds: string[];
    private readonly props;
    /**
     * @param scope the App (or any construct in it): its aws-cdk-lib version is checked here, so an old release fails
     *              with a clear message instead of a plugin failure at synth time
     */
    constructor(scope?: IConstruct, props?: CacheLintChecksProps);
    validate(context: IPolicyValidationContext): PolicyValidationPluginReport;
}
