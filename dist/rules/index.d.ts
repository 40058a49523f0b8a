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
/** Rules that judge the static model. */
export declare const STATIC_RULES: readonly Rule[];
export { CL001, CL002, CL003, CL004, CL005, CL006, CL007, CL008, CL009 };
