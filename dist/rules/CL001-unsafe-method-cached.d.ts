import type { Rule } from '../lib/findings';
declare const messages: {
    graphqlByDesign: string;
    semanticCache: string;
    ghost200: string;
    ghost200IgnoresNoStore: string;
    ghost200ReplayStore: string;
    ghost200IgnoresNoStoreReplayStore: string;
};
type MessageId = keyof typeof messages;
export declare const CL001: Rule<MessageId>;
export {};
