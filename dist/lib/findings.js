"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEVERITY_RANK = void 0;
exports.SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
