export interface CommentSuppression {
    /** The 1-based line the comment is on. */
    line: number;
    column: number;
    /** The line it covers: the next line that is not blank or a comment. */
    target: number;
    ruleIds: string[];
    reason?: string;
}
export declare function findSuppressions(text: string): CommentSuppression[];
