// Runs the CLI in-process for the --fix tests.
import { main, type Io } from '../../lib/cli/main';
import type { Finding } from '../../lib/findings';

export async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export async function findingsOf(file: string, cwd: string): Promise<Finding[]> {
  const r = await run(['-f', 'json', file], cwd);
  return JSON.parse(r.stdout).findings as Finding[];
}
