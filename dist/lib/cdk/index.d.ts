export { CacheLintAspect, type CacheLintAspectProps } from './aspect';
export { CacheLintChecks, MIN_AWS_CDK_LIB_FOR_CHECKS, type CacheLintChecksProps } from './checks';
export type { CacheLintProps } from './analyze';
