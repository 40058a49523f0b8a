"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.repositoryRoot = repositoryRoot;
exports.isUrl = isUrl;
exports.rooted = rooted;
exports.relativeUri = relativeUri;
exports.fileUri = fileUri;
// Paths for machine-read reports. GitHub code scanning and workflow annotations resolve a relative path against the
// repository root, not against the folder cachelint ran in; absolute or `//`-prefixed paths are not placed on the
// diff at all (checkov #4539, #5401, #1599). So reports use paths relative to the enclosing git repository.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_url_1 = require("node:url");
/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees); else `start`. */
function repositoryRoot(start) {
    let dir = (0, node_path_1.resolve)(start);
    for (;;) {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, '.git')))
            return dir;
        const up = (0, node_path_1.dirname)(dir);
        if (up === dir)
            return (0, node_path_1.resolve)(start);
        dir = up;
    }
}
/** Live findings (`cachelint probe`) name a URL, not a file: kept as is, never joined to a folder. */
function isUrl(file) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(file);
}
/** `file` as reported by the engine (relative to `cwd`, or absolute) against `root`. */
function rooted(file, cwd, root) {
    if (isUrl(file))
        return { absolute: file };
    const absolute = (0, node_path_1.isAbsolute)(file) ? file : (0, node_path_1.resolve)(cwd, file);
    const rel = (0, node_path_1.relative)(root, absolute);
    if (rel === '' || rel.startsWith('..') || (0, node_path_1.isAbsolute)(rel))
        return { absolute };
    return { relative: rel.split(node_path_1.sep).join('/'), absolute };
}
/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function relativeUri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function fileUri(absolute, isFolder = false) {
    if (isUrl(absolute))
        return absolute;
    const href = (0, node_url_1.pathToFileURL)(absolute).href;
    return isFolder && !href.endsWith('/') ? href + '/' : href;
}
