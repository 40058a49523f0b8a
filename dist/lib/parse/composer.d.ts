import { type Event } from 'js-yaml';
import type { LineIndex } from './lines';
import { YamlDocument } from './document';
/**
 * Builds plain values and their positions from js-yaml's flat event stream, one method per event kind. Per-document
 * state (positions, anchors, the node count) starts afresh at each document.
 */
export declare class Composer {
    private readonly text;
    private readonly lines;
    private readonly maxNodes;
    private readonly maxDepth;
    private readonly cfn;
    private readonly documents;
    private positions;
    private anchors;
    private nodes;
    private docStart;
    private readonly stack;
    private root;
    private rootSet;
    private readonly mKeys;
    private readonly mOffs;
    private readonly mVals;
    private mTop;
    constructor(text: string, lines: LineIndex, maxNodes: number, maxDepth: number, cfn: boolean);
    compose(events: Event[]): YamlDocument[];
    private open;
    private scalar;
    private alias;
    /** A container closes (a pop with no open container ends a document: nothing to do). */
    private close;
    private flushDocument;
    /** Adds a finished value to the parent container (or makes it the root). */
    private add;
    private pushMember;
    private applyMerges;
    private wrapIntrinsic;
    /** The CloudFormation tag to wrap with, '' for a standard tag; throws for an unknown tag. */
    private checkTag;
    private tagText;
    private count;
    private fail;
}
