"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPOSITORY_URL = exports.VERSION = exports.TOOL_NAME = void 0;
exports.docsUrl = docsUrl;
// From lib/ under ts-jest and from dist/lib/ once built: the first package.json up the tree that is ours.
function readPackageJson() {
    for (const p of ['../package.json', '../../package.json']) {
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const pkg = require(p);
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
