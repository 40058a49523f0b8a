import type { Finding, Rule, ScanResult } from '../findings';
import type { ReportOptions, Reporter } from './types';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export declare const FINGERPRINT_KEY = "cachelint/v1";
type Level = 'error' | 'warning' | 'note';
/** Every rule cachelint has: the static rules, plus the live-probe rules (CL1xx) once rules/index.ts exports them, and
 *  the checks on suppression directives (unused-suppression, invalid-suppression). */
export declare function allRules(): Rule[];
interface SarifLocation {
    physicalLocation: {
        artifactLocation: {
            uri: string;
            uriBaseId?: string;
        };
        region?: {
            startLine: number;
            startColumn?: number;
            endLine?: number;
            endColumn?: number;
        };
    };
    logicalLocations?: {
        name: string;
        fullyQualifiedName?: string;
        kind: string;
    }[];
}
export declare const sarif: Reporter;
export declare function toSarif(result: ScanResult, options?: Pick<ReportOptions, 'cwd'> & {
    root?: string;
}): {
    $schema: string;
    version: "2.1.0";
    runs: {
        tool: {
            driver: {
                name: string;
                version: string;
                semanticVersion: string;
                informationUri: string;
                rules: {
                    id: string;
                    name: string;
                    shortDescription: {
                        text: string;
                    };
                    fullDescription: {
                        text: string;
                    };
                    helpUri: string;
                    help: {
                        text: string;
                        markdown: string;
                    };
                    defaultConfiguration: {
                        level: Level;
                    };
                    properties: {
                        tags: string[];
                    };
                }[];
            };
        };
        invocations: {
            executionSuccessful: boolean;
            toolExecutionNotifications: {
                level: "error";
                message: {
                    text: string;
                };
                descriptor: {
                    id: string;
                };
                locations: SarifLocation[];
            }[];
        }[];
        originalUriBaseIds: {
            "%SRCROOT%": {
                uri: string;
            };
        };
        columnKind: "utf16CodeUnits";
        results: {
            fixes?: unknown[];
            suppressions?: {
                kind: "external" | "inSource";
                status: "accepted";
                justification: string;
            }[] | undefined;
            partialFingerprints: {
                "cachelint/v1": string;
            };
            properties: Record<string, unknown>;
            relatedLocations?: {
                message: {
                    text: string;
                };
                physicalLocation: {
                    artifactLocation: {
                        uri: string;
                        uriBaseId?: string;
                    };
                    region?: {
                        startLine: number;
                        startColumn?: number;
                        endLine?: number;
                        endColumn?: number;
                    };
                };
                logicalLocations?: {
                    name: string;
                    fullyQualifiedName?: string;
                    kind: string;
                }[];
                id: number;
            }[] | undefined;
            ruleId: string;
            ruleIndex: number;
            level: Level;
            kind: string;
            message: {
                text: string;
            };
            locations: SarifLocation[];
        }[];
    }[];
};
/** What a reader of the alert needs in one line: the problem, then the fix. */
export declare function messageText(f: Finding): string;
export declare function fingerprint(ruleId: string, uri: string, findingId: string): string;
export {};
