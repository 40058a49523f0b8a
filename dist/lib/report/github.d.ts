import type { Finding, InputError } from '../findings';
import type { Reporter } from './types';
export declare const github: Reporter;
export declare function findingCommand(f: Finding, file: string): string;
export declare function errorCommand(e: InputError, file: string): string;
export declare function escapeData(s: string): string;
export declare function escapeProperty(s: string): string;
