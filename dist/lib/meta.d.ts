import type { Rule } from './findings';
export declare const TOOL_NAME = "cachelint";
export declare const VERSION: string;
export declare const REPOSITORY_URL: string;
export declare function docsUrl(rule: Pick<Rule, 'docs'>): string;
