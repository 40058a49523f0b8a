import type { Method, SourceLocation, Value } from '../../model';
import type { PathSegment } from '../../parse/yaml';
export declare function routeMethods(r: Record<string, unknown>, routePath: PathSegment[], defaults: Record<string, unknown> | undefined, locate: (path: readonly PathSegment[]) => SourceLocation): {
    methods: Value<Method[]>;
    paths: string[];
    expression?: string;
};
