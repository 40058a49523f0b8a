import { type Method } from '../../model';
export type MethodsResult = {
    ok: true;
    methods: Method[];
    ignored: string[];
} | {
    ok: false;
    why: string;
};
/** Route `methods` list → accepted methods. Verbs the model has no name for (TRACE, CONNECT) are ignored and listed. */
export declare function methodsFromList(list: unknown): MethodsResult;
export type ExpressionResult = {
    ok: true;
    methods: Method[];
    paths: string[];
} | {
    ok: false;
    why: string;
};
/** Methods an expression route may match; `ok: false` when the expression cannot be read (→ unknown, CL006). */
export declare function methodsFromExpression(expression: string): ExpressionResult;
/** "POST /webhooks/stripe", "ANY /x", "GET,HEAD /a,/b". */
export declare function routeText(methods: Method[] | undefined, paths: string[]): string;
/** The paths without the `~` that marks a Kong 3.x regex path, for matching path patterns; undefined when none has it. */
export declare function plainPaths(paths: readonly string[]): string[] | undefined;
