export declare function argvProblem(error: unknown, command: string): string;
