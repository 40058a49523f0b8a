// Users have the repository (and the npm package's docs/), not the notes it was built from: code, messages, docs and
// tests cite docs/platforms/ or public URLs, never the design notes outside the repository. Also: every
// docs/platforms/<page>.md#<anchor> citation names a heading that exists, so a renamed section cannot leave dangling
// citations behind.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const isGitCheckout = existsSync(join(ROOT, '.git'));

/** Tracked text files, without dist/ (rebuilt from the sources) and third-party test corpora. */
function trackedFiles(): { file: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files
    .filter((f) => !f.startsWith('dist/') && !/(^|\/)corpus\//.test(f) && existsSync(join(ROOT, f)))
    .map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }))
    .filter((f) => !f.text.includes('\0'));
}

// The names of the notes kept outside the repository, and their folder. The corpus location (`../shared/corpus`,
// overridable with CACHELINT_CORPUS) is where corpus tests read third-party files from, not a citation.
const PRIVATE = /\b(?:domain|DESIGN|anchors|baselines)\.md\b|\.\.\/shared(?!\/corpus)/;

(isGitCheckout ? describe : describe.skip)('citations', () => {
  const files = isGitCheckout ? trackedFiles() : [];
  const self = 'test/docs/citations.test.ts';

  test('no tracked file outside dist/ cites the notes users do not have', () => {
    const hits = files
      .filter((f) => f.file !== self)
      .flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (PRIVATE.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])));
    expect(hits).toEqual([]);
  });

  test('the guard itself matches what it must and lets the corpus location through', () => {
    for (const s of ['(domain.md §1.3)', 'see DESIGN.md', 'anchors.md', 'baselines.md §6', '../shared/domain.md', '../../shared/x']) expect(s).toMatch(PRIVATE);
    for (const s of ["join(__dirname, '../../../shared/corpus')", 'docs/platforms/kong.md#deck', 'mydomain.md5']) expect(s).not.toMatch(PRIVATE);
  });

  test('every docs/platforms/<page>.md#<anchor> citation names an existing section', () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
    const anchors = new Map<string, Set<string>>();
    const anchorsOf = (page: string) => {
      if (!anchors.has(page)) {
        const path = join(ROOT, 'docs/platforms', page);
        const headings = existsSync(path)
          ? readFileSync(path, 'utf8')
              .split('\n')
              .filter((l) => /^#{1,6} /.test(l))
          : [];
        anchors.set(page, new Set(headings.map((h) => slug(h.replace(/^#+ /, '')))));
      }
      return anchors.get(page)!;
    };
    const bad: string[] = [];
    let cited = 0;
    for (const { file, text } of files) {
      for (const m of text.matchAll(/(?:docs\/platforms\/|\.\.\/platforms\/|\]\()([\w-]+\.md)((?:#[\w-]+)?)/g)) {
        const inPlatforms = m[0].includes('platforms/') || file.startsWith('docs/platforms/');
        if (!inPlatforms) continue;
        cited++;
        const [, page, anchor] = m;
        if (!existsSync(join(ROOT, 'docs/platforms', page))) bad.push(`${file}: ${m[0]} (no such page)`);
        else if (anchor && !anchorsOf(page).has(anchor.slice(1))) bad.push(`${file}: ${m[0]} (no such section)`);
      }
    }
    expect(bad).toEqual([]);
    expect(cited).toBeGreaterThan(30);
  });
});
