import type { Rule } from '../lib/findings';
import { CL001 } from './CL001-unsafe-method-cached';
import { CL002 } from './CL002-origin-no-store-ignored';
import { CL003 } from './CL003-missing-no-store';
import { CL004 } from './CL004-cache-key-incomplete';
import { CL005 } from './CL005-api-cached-by-default';
import { CL006 } from './CL006-unresolved-cache-setting';
import { CL007 } from './CL007-write-caching-not-pinned';
import { CL008 } from './CL008-ineffective-method-setting';
import { CL009 } from './CL009-disabled-plugin-does-not-exempt';
import { CL101 } from './CL101-ghost-200-observed';
import { CL102 } from './CL102-missing-no-store-observed';
import { CL103 } from './CL103-cache-headers-on-write';
/** Rules that judge the static model. */
export declare const STATIC_RULES: readonly Rule[];
/** Live findings from `cachelint probe` (lib/probe): metadata only, the probe makes the findings. */
export declare const LIVE_RULES: readonly Rule[];
export { CL001, CL002, CL003, CL004, CL005, CL006, CL007, CL008, CL009, CL101, CL102, CL103 };
