import type { YamlFile } from './yaml';
export interface CommentSuppression {
    /** The 1-based line the comment is on. */
    line: number;
    column: number;
    /** Just past the comment's last character, for reports that underline it. */
    endColumn: number;
    /** The line it covers: the next line that is not blank or a comment. */
    target: number;
    ruleIds: string[];
    reason?: string;
    /** Lines of the node that starts on `target` (a plugin item, a route, a resource, a whole document); set by
     *  coverNodes. Without it the comment covers the target line only. */
    covers?: {
        line: number;
        endLine: number;
    };
}
export declare function findSuppressions(text: string): CommentSuppression[];
/**
 * Sets each comment's `covers`: the outermost mapping entry or sequence item that starts on its target line, or the
 * whole document when the target is the document's first line or its `---`. Only the lines below a comment are
 * measured, so a file pays for this only when it has comments.
 */
export declare function coverNodes(parsed: YamlFile, comments: readonly CommentSuppression[]): void;
