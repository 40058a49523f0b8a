"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIN_AWS_CDK_LIB_FOR_CHECKS = exports.CacheLintChecks = exports.CacheLintAspect = void 0;
// Public API of `cachelint/cdk`: the CDK integrations. aws-cdk-lib and constructs are peer dependencies; nothing
// outside lib/cdk imports them (the CLI never loads them).
var aspect_1 = require("./aspect");
Object.defineProperty(exports, "CacheLintAspect", { enumerable: true, get: function () { return aspect_1.CacheLintAspect; } });
var checks_1 = require("./checks");
Object.defineProperty(exports, "CacheLintChecks", { enumerable: true, get: function () { return checks_1.CacheLintChecks; } });
Object.defineProperty(exports, "MIN_AWS_CDK_LIB_FOR_CHECKS", { enumerable: true, get: function () { return checks_1.MIN_AWS_CDK_LIB_FOR_CHECKS; } });
