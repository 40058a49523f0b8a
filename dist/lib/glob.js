"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.globToRegExp = globToRegExp;
exports.matchesAny = matchesAny;
// Minimal glob → RegExp: `**` any depth, `*` within a segment, `?` one character. Enough for ignore lists and
// webhook path patterns; node's path.matchesGlob is still experimental on Node 20 and prints a warning.
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                i++;
                if (glob[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else
                    re += '.*';
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
function matchesAny(value, patterns) {
    for (const p of patterns)
        if (p.test(value))
            return true;
    return false;
}
