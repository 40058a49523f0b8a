import type { Finding, Severity } from '../findings';
import { type Hop, type Judgement } from './judge';
import type { Plan } from './plan';
export interface FindingOptions {
    /** Rule id → severity or 'off' (cachelint.config.yaml `rules`). */
    rules?: Record<string, Severity | 'off'>;
}
interface Target {
    file: string;
    route: string;
    findingId: string;
    resource: string;
}
export declare function targetOf(plan: Plan): Target;
export declare function probeFindings(plan: Plan, judgement: Judgement, options?: FindingOptions): Finding[];
export declare function hopsText(hops: Hop[]): string;
/** The first request as sent, header values redacted. */
export declare function requestText(plan: Plan): string;
interface Fix {
    summary: string;
    snippet?: string;
}
export declare function fixFor(layer: string | undefined): Fix;
export {};
