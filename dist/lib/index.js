"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VERSION = exports.reporterFor = exports.STATIC_RULES = exports.findConfig = exports.defaultConfig = exports.loadConfig = exports.worstSeverity = exports.evaluate = exports.scan = void 0;
// Public API of the `cachelint` package (the CDK integrations live in `cachelint/cdk`).
var engine_1 = require("./engine");
Object.defineProperty(exports, "scan", { enumerable: true, get: function () { return engine_1.scan; } });
Object.defineProperty(exports, "evaluate", { enumerable: true, get: function () { return engine_1.evaluate; } });
Object.defineProperty(exports, "worstSeverity", { enumerable: true, get: function () { return engine_1.worstSeverity; } });
var config_1 = require("./config");
Object.defineProperty(exports, "loadConfig", { enumerable: true, get: function () { return config_1.loadConfig; } });
Object.defineProperty(exports, "defaultConfig", { enumerable: true, get: function () { return config_1.defaultConfig; } });
Object.defineProperty(exports, "findConfig", { enumerable: true, get: function () { return config_1.findConfig; } });
var rules_1 = require("../rules");
Object.defineProperty(exports, "STATIC_RULES", { enumerable: true, get: function () { return rules_1.STATIC_RULES; } });
var report_1 = require("./report");
Object.defineProperty(exports, "reporterFor", { enumerable: true, get: function () { return report_1.reporterFor; } });
var meta_1 = require("./meta");
Object.defineProperty(exports, "VERSION", { enumerable: true, get: function () { return meta_1.VERSION; } });
