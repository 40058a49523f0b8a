// Where the corpus suites find the real third-party configs: not in the repository (they are other people's files),
// but beside it at ../shared/corpus, or wherever CACHELINT_CORPUS points. A clone without them skips each corpus suite
// with the reason in the skipped test's title, instead of failing with ENOENT.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const REPO = join(__dirname, '../..');

/** The corpus root: CACHELINT_CORPUS, else ../shared/corpus beside the repository. */
export const CORPUS_ROOT = process.env.CACHELINT_CORPUS || join(REPO, '../shared/corpus');

/** One corpus folder (kong, k8s-kong, cloudformation); undefined when it is not there. */
export function corpusDir(folder: string): string | undefined {
  const dir = join(CORPUS_ROOT, folder);
  return existsSync(dir) ? dir : undefined;
}

/** Why a corpus folder's suite is skipped, said where jest prints skipped tests. */
export function corpusSkipReason(folder: string): string {
  const where = process.env.CACHELINT_CORPUS ? `CACHELINT_CORPUS/${folder}` : relative(REPO, join(CORPUS_ROOT, folder));
  return `skipped: no corpus at ${where} (set CACHELINT_CORPUS to read it from elsewhere)`;
}

/**
 * describe(title) over one corpus folder, its body given the folder. Without the folder the body is not run at all
 * (it would read a missing folder, and jest's .each refuses an empty table): one skipped test says why instead
 * (test/helpers/skip-reasons.js prints it). `snapshotTests` names the body's tests that pin a snapshot: they are
 * registered as skipped too, because jest fails a run on the snapshots of tests that no longer exist.
 */
export function describeCorpus(folder: string, title: string, body: (dir: string) => void, snapshotTests: string[] = []): void {
  const dir = corpusDir(folder);
  if (dir) {
    describe(title, () => body(dir));
    return;
  }
  describe(title, () => {
    test.skip(corpusSkipReason(folder), () => undefined);
    for (const name of snapshotTests) test.skip(name, () => undefined);
  });
}
