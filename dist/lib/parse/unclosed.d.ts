export interface Unclosed {
    /** `[`, `{`, `"` or `'`. */
    opener: string;
    offset: number;
    /** A closing bracket of the other kind that the scan met first (`{a: [1}`). */
    closedBy?: {
        closer: string;
        offset: number;
    };
}
/**
 * The construct still open at `errorOffset` that explains the error: a quoted scalar the error lies in, or a flow
 * collection the error lies in that is never closed (or closed by the wrong bracket) anywhere in the text. An error
 * inside a flow collection that does close later (`[1, @x]`) is about its content, not about the bracket.
 */
export declare function findUnclosed(text: string, errorOffset: number): Unclosed | undefined;
