export declare class JsonPathError extends Error {
}
type Selector = {
    t: 'name';
    name: string;
} | {
    t: 'wild';
} | {
    t: 'index';
    i: number;
} | {
    t: 'slice';
    start?: number;
    end?: number;
    step: number;
} | {
    t: 'filter';
    expr: Expr;
};
interface Segment {
    descendant: boolean;
    selectors: Selector[];
}
type Operand = {
    t: 'lit';
    v: unknown;
} | {
    t: 'query';
    rel: boolean;
    segments: Segment[];
};
type Expr = {
    t: 'or' | 'and';
    a: Expr;
    b: Expr;
} | {
    t: 'not';
    a: Expr;
} | {
    t: 'test';
    q: Operand & {
        t: 'query';
    };
} | {
    t: 'cmp';
    op: string;
    a: Operand;
    b: Operand;
};
export interface JsonPath {
    source: string;
    segments: Segment[];
}
/** Parses a selector; throws JsonPathError naming the position and what is not supported. */
export declare function parseJsonPath(source: string): JsonPath;
/** The nodes a query selects, in RFC 9535 order (duplicates kept, as decK's patch applies them). */
export declare function queryJsonPath(path: JsonPath, root: unknown): unknown[];
export {};
