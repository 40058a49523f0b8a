import type { Rule } from '../lib/findings';
declare const messages: {
    defaultTtl: string;
};
type MessageId = keyof typeof messages;
export declare const CL005: Rule<MessageId>;
export {};
