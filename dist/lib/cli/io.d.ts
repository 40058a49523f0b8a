export interface Io {
    stdout: (s: string) => void;
    stderr: (s: string) => void;
    isTTY: boolean;
    env: NodeJS.ProcessEnv;
    cwd: string;
}
export declare const processIo: () => Io;
