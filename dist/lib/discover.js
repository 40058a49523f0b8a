"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.discover = discover;
exports.ignoredInWalk = ignoredInWalk;
// File discovery for the CLI: named files are always inputs; directories are walked for YAML/JSON files, skipping
// dependency and VCS folders, what cachelint.config.yaml `ignore` lists, and what git ignores (`.gitignore` files,
// nested ones too, and `.git/info/exclude`). Every folder left out, and every YAML/JSON file left out by a pattern, is
// returned as a skipped entry with the rule that left it out. Directory symlinks are not followed (no loops); nothing
// unreadable is dropped silently. A path named on the command line is scanned even when it is ignored: the user asked.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const glob_1 = require("./glob");
const SKIP_DIRS = {
    node_modules: 'dependencies',
    '.git': 'version control',
    '.hg': 'version control',
    '.svn': 'version control',
    '.terraform': 'Terraform providers and modules',
    '.aws-sam': 'SAM build output',
    '.serverless': 'Serverless Framework build output',
    '.stryker-tmp': 'mutation testing sandbox',
    coverage: 'test coverage output',
};
const EXTENSIONS = /\.(ya?ml|json|template)$/i;
function discover(paths, options) {
    const files = [];
    const errors = [];
    const skipped = [];
    const seen = new Set();
    const display = displayFor(options.cwd);
    const git = new GitIgnores(display, errors);
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
            walk(abs, git.levelsFor(abs));
        else
            add(abs, true);
    }
    return { files, errors, skipped };
    function walk(dir, inherited) {
        let entries;
        try {
            entries = (0, node_fs_1.readdirSync)(dir, { withFileTypes: true });
        }
        catch (e) {
            errors.push({ file: display(dir), code: 'unreadable', message: `cannot read directory: ${e.code ?? e.message}` });
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const levels = git.enter(dir, inherited, (name) => entries.some((e) => e.name === name));
        for (const entry of entries) {
            const abs = (0, node_path_1.join)(dir, entry.name);
            const shown = display(abs);
            const isDir = entry.isDirectory();
            // Only folders and files that could be inputs are worth a line: README.md left out by `*.md` is not news.
            if (!isDir && !EXTENSIONS.test(entry.name))
                continue;
            const verdict = judge(abs, shown, isDir, levels, git, options);
            if ('ignoredBy' in verdict) {
                skipped.push({
                    file: isDir ? `${shown}/` : shown,
                    status: 'skipped',
                    ...(isDir ? { kind: 'folder' } : {}),
                    reason: verdict.reason,
                    ignoredBy: verdict.ignoredBy,
                });
                continue;
            }
            if (isDir)
                walk(abs, verdict.levels);
            else if (entry.isFile() || entry.isSymbolicLink()) {
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
/**
 * Whether a walk of `cwd` (or, for a file outside it, of the file's folder) would leave `file` out, decided by the
 * same rules the walk applies, folder by folder from the walk's start: `--print-config` answers with this.
 */
function ignoredInWalk(file, options) {
    const abs = (0, node_path_1.resolve)(options.cwd, file);
    const inside = (0, node_path_1.relative)(options.cwd, abs);
    const start = inside && !inside.startsWith('..') && !inside.startsWith(node_path_1.sep) ? options.cwd : (0, node_path_1.dirname)(abs);
    const git = new GitIgnores(displayFor(options.cwd), []);
    let levels = git.levelsFor(start);
    let dir = start;
    const parts = (0, node_path_1.relative)(start, abs).split(node_path_1.sep).filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
        levels = git.enter(dir, levels, (name) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, name)));
        const next = (0, node_path_1.join)(dir, parts[i]);
        const isDir = i < parts.length - 1;
        const verdict = judge(next, displayFor(options.cwd)(next), isDir, levels, git, options);
        if ('ignoredBy' in verdict)
            return verdict;
        levels = verdict.levels;
        dir = next;
    }
    return undefined;
}
function judge(abs, shown, isDir, levels, git, options) {
    const name = abs.slice(abs.lastIndexOf(node_path_1.sep) + 1);
    if (isDir && Object.hasOwn(SKIP_DIRS, name))
        return { ignoredBy: `built-in: ${name}`, reason: `folder skipped: ${SKIP_DIRS[name]} (built-in)` };
    // CDK cloud assemblies hold Lambda code and Docker contexts as asset.* folders: not configuration.
    if (isDir && name.startsWith('asset.') && (0, node_path_1.dirname)(abs).endsWith('cdk.out'))
        return { ignoredBy: 'built-in: cdk.out asset', reason: 'folder skipped: CDK asset (built-in)' };
    if (options.ignore.length && (0, glob_1.matchesAny)(shown, options.ignore)) {
        const glob = options.ignoreGlobs?.[options.ignore.findIndex((re) => re.test(shown))] ?? 'ignore';
        return { ignoredBy: glob, reason: `${isDir ? 'folder ' : ''}skipped: matches ignore '${glob}' in the cachelint config` };
    }
    const decision = git.decide(levels, abs, isDir);
    if (decision.ignoredBy)
        return { ignoredBy: decision.ignoredBy, reason: `${isDir ? 'folder ' : ''}ignored by ${decision.ignoredBy} (${decision.pattern})` };
    return { levels: decision.levels };
}
function displayFor(cwd) {
    return (abs) => {
        const rel = (0, node_path_1.relative)(cwd, abs);
        const shown = rel && !rel.startsWith('..') && !rel.startsWith(node_path_1.sep) ? rel : abs;
        return shown.split(node_path_1.sep).join('/');
    };
}
/**
 * Git's precedence: the .gitignore nearest to the path decides first (the last matching line in it), then the ones
 * above it up to the repository root, then `.git/info/exclude`. A folder git leaves out is not walked, so nothing
 * under it can be re-included. Rules are matched with the `ignore` package (loaded only when an ignore file exists).
 */
class GitIgnores {
    display;
    errors;
    constructor(display, errors) {
        this.display = display;
        this.errors = errors;
    }
    /** Rules that apply inside `start` from above it: `.git/info/exclude` and the .gitignore files from the repo root down. */
    levelsFor(start) {
        const root = repositoryRoot((0, node_path_1.dirname)(start));
        if (!root || root === start)
            return [];
        let levels = this.exclude(root);
        const chain = [];
        for (let d = (0, node_path_1.dirname)(start);; d = (0, node_path_1.dirname)(d)) {
            chain.unshift(d);
            if (d === root)
                break;
        }
        for (const d of chain)
            levels = levels.concat(this.load((0, node_path_1.join)(d, '.gitignore'), d));
        // A folder named on the command line is walked even when ignored: rules that leave it out do not apply inside it.
        return levels.filter((l) => !l.ig.ignores(rel(l.base, start, true)));
    }
    /** The rules inside `dir`: a nested repository starts afresh; its own .gitignore comes last (highest precedence). */
    enter(dir, inherited, has) {
        let levels = inherited;
        if (has('.git'))
            levels = this.exclude(dir);
        if (has('.gitignore'))
            levels = levels.concat(this.load((0, node_path_1.join)(dir, '.gitignore'), dir));
        return levels;
    }
    decide(levels, abs, isDir) {
        for (let i = levels.length - 1; i >= 0; i--) {
            const r = levels[i].ig.test(rel(levels[i].base, abs, isDir));
            if (r.ignored)
                return { ignoredBy: r.rule.mark, pattern: r.rule.pattern, levels };
            // Re-included by a nearer `!pattern`: rules further up that exclude it do not apply inside it either.
            if (r.unignored)
                return { levels: isDir ? levels.filter((l, j) => j > i || !l.ig.ignores(rel(l.base, abs, true))) : levels };
        }
        return { levels };
    }
    exclude(root) {
        const file = excludeFile(root);
        return file ? this.load(file, root, '.git/info/exclude') : [];
    }
    load(file, base, label = this.display(file)) {
        let text;
        try {
            text = (0, node_fs_1.readFileSync)(file, 'utf8');
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'EISDIR')
                return [];
            this.errors.push({ file: label, code: 'unreadable', message: `cannot read ignore file: ${code ?? e.message}` });
            return [];
        }
        const patterns = [];
        text.split('\n').forEach((line, i) => {
            const pattern = line.replace(/\r$/, '');
            if (pattern.trim() && !pattern.startsWith('#'))
                patterns.push({ pattern, mark: `${label}:${i + 1}` });
        });
        if (!patterns.length)
            return [];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ignore = require('ignore');
        return [{ base, ig: ignore().add(patterns) }];
    }
}
function rel(base, abs, isDir) {
    return (0, node_path_1.relative)(base, abs).split(node_path_1.sep).join('/') + (isDir ? '/' : '');
}
function repositoryRoot(from) {
    for (let d = from;; d = (0, node_path_1.dirname)(d)) {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(d, '.git')))
            return d;
        if ((0, node_path_1.dirname)(d) === d)
            return undefined;
    }
}
/** `.git/info/exclude`; in a linked worktree or submodule `.git` is a file naming the git directory. */
function excludeFile(root) {
    const dotGit = (0, node_path_1.join)(root, '.git');
    try {
        if ((0, node_fs_1.statSync)(dotGit).isDirectory())
            return (0, node_path_1.join)(dotGit, 'info', 'exclude');
        const gitdir = /^gitdir:\s*(.+)$/m.exec((0, node_fs_1.readFileSync)(dotGit, 'utf8'))?.[1]?.trim();
        if (!gitdir)
            return undefined;
        const dir = (0, node_path_1.resolve)(root, gitdir);
        // Worktrees share info/exclude with the main repository (`commondir`).
        const common = (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'commondir')) ? (0, node_path_1.resolve)(dir, (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'commondir'), 'utf8').trim()) : dir;
        return (0, node_path_1.join)(common, 'info', 'exclude');
    }
    catch {
        return undefined;
    }
}
