"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CL103 = exports.CL102 = exports.CL101 = exports.CL009 = exports.CL008 = exports.CL007 = exports.CL006 = exports.CL005 = exports.CL004 = exports.CL003 = exports.CL002 = exports.CL001 = exports.LIVE_RULES = exports.STATIC_RULES = void 0;
const CL001_unsafe_method_cached_1 = require("./CL001-unsafe-method-cached");
Object.defineProperty(exports, "CL001", { enumerable: true, get: function () { return CL001_unsafe_method_cached_1.CL001; } });
const CL002_origin_no_store_ignored_1 = require("./CL002-origin-no-store-ignored");
Object.defineProperty(exports, "CL002", { enumerable: true, get: function () { return CL002_origin_no_store_ignored_1.CL002; } });
const CL003_missing_no_store_1 = require("./CL003-missing-no-store");
Object.defineProperty(exports, "CL003", { enumerable: true, get: function () { return CL003_missing_no_store_1.CL003; } });
const CL004_cache_key_incomplete_1 = require("./CL004-cache-key-incomplete");
Object.defineProperty(exports, "CL004", { enumerable: true, get: function () { return CL004_cache_key_incomplete_1.CL004; } });
const CL005_api_cached_by_default_1 = require("./CL005-api-cached-by-default");
Object.defineProperty(exports, "CL005", { enumerable: true, get: function () { return CL005_api_cached_by_default_1.CL005; } });
const CL006_unresolved_cache_setting_1 = require("./CL006-unresolved-cache-setting");
Object.defineProperty(exports, "CL006", { enumerable: true, get: function () { return CL006_unresolved_cache_setting_1.CL006; } });
const CL007_write_caching_not_pinned_1 = require("./CL007-write-caching-not-pinned");
Object.defineProperty(exports, "CL007", { enumerable: true, get: function () { return CL007_write_caching_not_pinned_1.CL007; } });
const CL008_ineffective_method_setting_1 = require("./CL008-ineffective-method-setting");
Object.defineProperty(exports, "CL008", { enumerable: true, get: function () { return CL008_ineffective_method_setting_1.CL008; } });
const CL009_disabled_plugin_does_not_exempt_1 = require("./CL009-disabled-plugin-does-not-exempt");
Object.defineProperty(exports, "CL009", { enumerable: true, get: function () { return CL009_disabled_plugin_does_not_exempt_1.CL009; } });
const CL101_ghost_200_observed_1 = require("./CL101-ghost-200-observed");
Object.defineProperty(exports, "CL101", { enumerable: true, get: function () { return CL101_ghost_200_observed_1.CL101; } });
const CL102_missing_no_store_observed_1 = require("./CL102-missing-no-store-observed");
Object.defineProperty(exports, "CL102", { enumerable: true, get: function () { return CL102_missing_no_store_observed_1.CL102; } });
const CL103_cache_headers_on_write_1 = require("./CL103-cache-headers-on-write");
Object.defineProperty(exports, "CL103", { enumerable: true, get: function () { return CL103_cache_headers_on_write_1.CL103; } });
/** Rules that judge the static model. */
exports.STATIC_RULES = [CL001_unsafe_method_cached_1.CL001, CL002_origin_no_store_ignored_1.CL002, CL003_missing_no_store_1.CL003, CL004_cache_key_incomplete_1.CL004, CL005_api_cached_by_default_1.CL005, CL006_unresolved_cache_setting_1.CL006, CL007_write_caching_not_pinned_1.CL007, CL008_ineffective_method_setting_1.CL008, CL009_disabled_plugin_does_not_exempt_1.CL009];
/** Live findings from `cachelint probe` (lib/probe): metadata only, the probe makes the findings. */
exports.LIVE_RULES = [CL101_ghost_200_observed_1.CL101, CL102_missing_no_store_observed_1.CL102, CL103_cache_headers_on_write_1.CL103];
//# sourceMappingURL=index.js.map