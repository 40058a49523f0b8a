"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPOSITORY_URL = exports.VERSION = exports.TOOL_NAME = void 0;
exports.docsUrl = docsUrl;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
// From lib/ under ts-jest and from dist/lib/ once built: the first package.json up the tree that is ours. Read as
// text: require() of a JSON file costs a millisecond more on the CLI's cold start.
function readPackageJson() {
    for (const up of ['..', '../..']) {
        try {
            const pkg = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, up, 'package.json'), 'utf8'));
            if (pkg.name === 'cachelint')
                return pkg;
        }
        catch {
            // try the next candidate
        }
    }
    return { name: 'cachelint', version: '0.0.0' };
}
const pkg = readPackageJson();
exports.TOOL_NAME = 'cachelint';
exports.VERSION = pkg.version;
exports.REPOSITORY_URL = pkg.homepage?.replace(/#.*$/, '') ?? 'https://github.com/cachelint/cachelint';
function docsUrl(rule) {
    return `${exports.REPOSITORY_URL}/blob/main/${rule.docs}`;
}
