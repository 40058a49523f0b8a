// Runs the CLI in process with captured output (same shape as the helper in main.test.ts, without importing its tests).
import { main, type Io } from '../../lib/cli/main';

export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
