import type { Rule } from '../lib/findings';
declare const messages: {
    kongStoresAnyway: string;
    kongStoresAnywayShared: string;
    minTtl: string;
    minTtlUnknown: string;
};
type MessageId = keyof typeof messages;
export declare const CL002: Rule<MessageId>;
export {};
