import type { FixEdit } from '../findings';
import type { EditOutcome } from './yaml-edit';
export declare function applyJsonEdits(text: string, edits: readonly FixEdit[]): EditOutcome;
