export declare function globToRegExp(glob: string): RegExp;
export declare function matchesAny(value: string, patterns: readonly RegExp[]): boolean;
