"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.processIo = void 0;
const processIo = () => ({
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
});
exports.processIo = processIo;
