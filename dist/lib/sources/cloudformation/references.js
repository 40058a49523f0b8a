"use strict";
// Which resources a value refers to: the logical ids behind Ref, GetAtt and Sub, read without resolving anything.
Object.defineProperty(exports, "__esModule", { value: true });
exports.refTarget = refTarget;
exports.referencedIds = referencedIds;
/**
 * The logical id a value refers to and the attribute it reads: `!Ref X` → { id: X }, `!GetAtt X.Attr` →
 * { id: X, attr: Attr }, and the same written as a Sub (`!Sub ${X}`, `!Sub ${X.Attr}`). Undefined otherwise.
 */
function refTarget(raw) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        return undefined;
    const r = raw;
    if (typeof r.Ref === 'string')
        return { id: r.Ref };
    const ga = r['Fn::GetAtt'];
    const parts = Array.isArray(ga) ? ga : typeof ga === 'string' ? ga.split('.') : undefined;
    if (parts?.length === 2 && typeof parts[0] === 'string' && typeof parts[1] === 'string')
        return { id: parts[0], attr: parts[1] };
    const sub = typeof r['Fn::Sub'] === 'string' ? /^\$\{([^}.!]+)(?:\.([^}]+))?\}$/.exec(r['Fn::Sub'].trim()) : null;
    if (!sub)
        return undefined;
    return sub[2] === undefined ? { id: sub[1] } : { id: sub[1], attr: sub[2] };
}
/** Logical ids a value refers to (Ref, Fn::GetAtt, `${X}` / `${X.Attr}` in Fn::Sub), for cross-resource links. */
function referencedIds(v, out = new Set()) {
    if (Array.isArray(v)) {
        for (const x of v)
            referencedIds(x, out);
        return out;
    }
    if (v === null || typeof v !== 'object')
        return out;
    for (const [key, val] of Object.entries(v)) {
        if (key === 'Ref' && typeof val === 'string')
            out.add(val);
        else if (key === 'Fn::GetAtt') {
            const first = Array.isArray(val) ? val[0] : typeof val === 'string' ? val.split('.')[0] : undefined;
            if (typeof first === 'string')
                out.add(first);
        }
        else if (key === 'Fn::Sub') {
            const text = Array.isArray(val) ? val[0] : val;
            if (typeof text === 'string')
                for (const m of text.matchAll(/\$\{([^!}][^}.]*)(\.[^}]*)?\}/g))
                    out.add(m[1].trim());
            if (Array.isArray(val))
                referencedIds(val[1], out);
            if (typeof text !== 'string')
                referencedIds(text, out);
        }
        else
            referencedIds(val, out);
    }
    return out;
}
