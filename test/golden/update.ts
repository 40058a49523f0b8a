// Golden files are rewritten only on purpose: `UPDATE_GOLDEN=1 npx jest test/golden` writes what cachelint prints now
// (then read the diff before committing it). Without it a missing or different golden fails the test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const UPDATE = process.env.UPDATE_GOLDEN === '1';

export const readGolden = (file: string): string | undefined => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** The committed text of a golden file, or `undefined` when there is none (the caller's expectation then fails). */
export function golden(file: string, actual: string): string | undefined {
  if (UPDATE && (!existsSync(file) || readFileSync(file, 'utf8') !== actual)) writeFileSync(file, actual);
  return readGolden(file);
}
