import type * as Sarif from 'sarif';
import type { Finding, Rule, ScanResult } from '../findings';
import type { ReportOptions, Reporter } from './types';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export declare const FINGERPRINT_KEY = "cachelint/v1";
/** A location as written here: always a physical location with an artifact URI. */
type PhysicalAt = Sarif.Location & {
    physicalLocation: Sarif.PhysicalLocation & {
        artifactLocation: Sarif.ArtifactLocation & {
            uri: string;
        };
    };
};
/** Every rule cachelint has: the static rules, the checks on suppression directives (unused-suppression,
 *  invalid-suppression) and the live-probe rules (CL1xx). */
export declare function allRules(): Rule[];
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
                rules: ({
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
                        level: Sarif.Result.level;
                    };
                    properties: {
                        tags: string[];
                    };
                } | {
                    id: string;
                    name: string;
                    shortDescription: {
                        text: string;
                    };
                    fullDescription: {
                        text: string;
                    };
                    helpUri: string;
                    defaultConfiguration: {
                        level: Sarif.Result.level;
                    };
                })[];
            };
        };
        invocations: {
            executionSuccessful: boolean;
            toolExecutionNotifications: Sarif.Notification[];
        }[];
        originalUriBaseIds: {
            "%SRCROOT%": {
                uri: string;
            };
        };
        columnKind: "utf16CodeUnits";
        results: {
            fixes?: Sarif.Fix[];
            suppressions?: Sarif.Suppression[] | undefined;
            partialFingerprints: {
                "cachelint/v1": string;
            };
            properties: Sarif.PropertyBag;
            relatedLocations?: {
                message: {
                    text: string;
                };
                annotations?: Sarif.Region[] | undefined;
                id: number;
                logicalLocations?: Sarif.LogicalLocation[] | undefined;
                physicalLocation: Sarif.PhysicalLocation & {
                    artifactLocation: Sarif.ArtifactLocation & {
                        uri: string;
                    };
                };
                relationships?: Sarif.LocationRelationship[] | undefined;
                properties?: Sarif.PropertyBag | undefined;
            }[] | undefined;
            ruleId: string;
            ruleIndex: number;
            level: Sarif.Result.level;
            kind: "fail";
            message: {
                text: string;
            };
            locations: PhysicalAt[];
        }[];
    }[];
};
/** What a reader of the alert needs in one line: the problem, then the fix. */
export declare function messageText(f: Finding): string;
export declare function fingerprint(ruleId: string, uri: string, findingId: string): string;
export {};
