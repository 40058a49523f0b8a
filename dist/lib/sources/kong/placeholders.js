"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRecord = void 0;
exports.findPlaceholder = findPlaceholder;
exports.placeholderWhy = placeholderWhy;
// decK env placeholders `${{ env "DECK_X" }}` (docs/platforms/kong.md#deck): substituted only when decK runs, so a deciding value
// that contains one is unknown — never assumed to be the default, never assumed safe or unsafe.
const PLACEHOLDER = /\$\{\{\s*env\s+"[^"]*"\s*\}\}/;
/** The first decK env placeholder anywhere inside a value (strings, arrays, objects), if any. */
function findPlaceholder(value, depth = 0) {
    if (typeof value === 'string') {
        const m = PLACEHOLDER.exec(value);
        return m ? m[0] : undefined;
    }
    if (value === null || typeof value !== 'object' || depth > 20)
        return undefined;
    if (Array.isArray(value)) {
        for (const v of value) {
            const p = findPlaceholder(v, depth + 1);
            if (p)
                return p;
        }
        return undefined;
    }
    for (const v of Object.values(value)) {
        const p = findPlaceholder(v, depth + 1);
        if (p)
            return p;
    }
    return undefined;
}
function placeholderWhy(placeholder, what) {
    return `decK env placeholder ${placeholder} decides ${what}; it is substituted only when decK runs, so cachelint cannot tell its value`;
}
const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
exports.isRecord = isRecord;
