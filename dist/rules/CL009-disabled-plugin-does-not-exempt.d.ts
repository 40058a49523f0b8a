import type { Rule } from '../lib/findings';
declare const messages: {
    disabledDoesNotExempt: string;
};
type MessageId = keyof typeof messages;
export declare const CL009: Rule<MessageId>;
export {};
