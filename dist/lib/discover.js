"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.discover = discover;
// File discovery for the CLI: named files are always inputs; directories are walked for YAML/JSON files, skipping
// dependency and VCS folders. Directory symlinks are not followed (no loops); nothing unreadable is dropped silently.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const glob_1 = require("./glob");
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.aws-sam', '.serverless', '.stryker-tmp', 'coverage']);
const EXTENSIONS = /\.(ya?ml|json|template)$/i;
function discover(paths, options) {
    const files = [];
    const errors = [];
    const seen = new Set();
    const display = (abs) => {
        const rel = (0, node_path_1.relative)(options.cwd, abs);
        const shown = rel && !rel.startsWith('..') && !rel.startsWith(node_path_1.sep) ? rel : abs;
        return shown.split(node_path_1.sep).join('/');
    };
    const add = (abs, named) => {
        if (seen.has(abs))
            return;
        seen.add(abs);
        files.push({ file: display(abs), absolute: abs, named });
    };
    for (const p of paths) {
        const abs = (0, node_path_1.resolve)(options.cwd, p);
        let st;
        try {
            st = (0, node_fs_1.statSync)(abs);
        }
        catch (e) {
            errors.push({ file: p, code: 'unreadable', message: `cannot read: ${e.code ?? e.message}` });
            continue;
        }
        if (st.isDirectory())
            walk(abs);
        else
            add(abs, true);
    }
    return { files, errors };
    function walk(dir) {
        let entries;
        try {
            entries = (0, node_fs_1.readdirSync)(dir, { withFileTypes: true });
        }
        catch (e) {
            errors.push({ file: display(dir), code: 'unreadable', message: `cannot read directory: ${e.code ?? e.message}` });
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const abs = (0, node_path_1.join)(dir, entry.name);
            const shown = display(abs);
            if (options.ignore.length && (0, glob_1.matchesAny)(shown, options.ignore))
                continue;
            if (entry.isDirectory()) {
                if (SKIP_DIRS.has(entry.name))
                    continue;
                // CDK cloud assemblies hold Lambda code and Docker contexts as asset.* folders: not configuration.
                if (entry.name.startsWith('asset.') && dir.endsWith('cdk.out'))
                    continue;
                walk(abs);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                if (!EXTENSIONS.test(entry.name))
                    continue;
                if (entry.isSymbolicLink()) {
                    try {
                        if (!(0, node_fs_1.statSync)(abs).isFile())
                            continue; // a link to a directory: not followed, so no loops
                    }
                    catch (e) {
                        errors.push({ file: shown, code: 'unreadable', message: `broken symbolic link: ${e.code ?? e.message}` });
                        continue;
                    }
                }
                add(abs, false);
            }
        }
    }
}
//# sourceMappingURL=discover.js.map