import type { Rule } from '../lib/findings';
declare const messages: {
    missing: string;
    missingNotStored: string;
    missingBackendOnly: string;
    webhookMissing: string;
    webhookMissingNotStored: string;
    webhookMissingBackendOnly: string;
    partial: string;
    webhookPartial: string;
};
type MessageId = keyof typeof messages;
export declare const CL003: Rule<MessageId>;
export {};
