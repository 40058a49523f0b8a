/**
 * The logical id a value refers to and the attribute it reads: `!Ref X` → { id: X }, `!GetAtt X.Attr` →
 * { id: X, attr: Attr }, and the same written as a Sub (`!Sub ${X}`, `!Sub ${X.Attr}`). Undefined otherwise.
 */
export declare function refTarget(raw: unknown): {
    id: string;
    attr?: string;
} | undefined;
/** Logical ids a value refers to (Ref, Fn::GetAtt, `${X}` / `${X.Attr}` in Fn::Sub), for cross-resource links. */
export declare function referencedIds(v: unknown, out?: Set<string>): Set<string>;
