"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.json = void 0;
const summary_1 = require("./summary");
const meta_1 = require("../meta");
const json = (result) => JSON.stringify({
    tool: { name: meta_1.TOOL_NAME, version: meta_1.VERSION },
    files: result.files,
    findings: result.findings,
    errors: result.errors,
    summary: (0, summary_1.summarize)(result),
}, null, 2) + '\n';
exports.json = json;
