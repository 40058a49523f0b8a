// Public API of `cachelint/cdk`: the CDK integrations. aws-cdk-lib and constructs are peer dependencies; nothing
// outside lib/cdk imports them (the CLI never loads them).
export { CacheLintAspect, type CacheLintAspectProps } from './aspect';
export { CacheLintChecks, MIN_AWS_CDK_LIB_FOR_CHECKS, type CacheLintChecksProps } from './checks';
export type { CacheLintProps } from './analyze';
