import type { FixEdit, FixScalar } from '../findings';
export interface EditOutcome {
    text: string;
    /** Edits that were not applied, with why (an aliased node, a tagged value, a shape the fix does not expect). */
    skipped: {
        edit: FixEdit;
        why: string;
    }[];
}
/** Applies edits one at a time, re-reading the text after each, so no edit works on stale offsets. */
export declare function applyYamlEdits(text: string, edits: readonly FixEdit[]): EditOutcome;
/** A scalar as YAML text: the existing node's quoting is kept; new strings are plain where that reads the same. */
export declare function scalarText(v: FixScalar, style?: string): string;
