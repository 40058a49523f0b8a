import type { Rule } from '../lib/findings';
declare const messages: {
    notPinned: string;
    anyNotPinned: string;
    routesNotPinned: string;
    routesWithAnyNotPinned: string;
};
type MessageId = keyof typeof messages;
export declare const CL007: Rule<MessageId>;
export {};
