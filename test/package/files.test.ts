// What `npm pack` ships, pinned: an accidental addition (source maps, tests, a stray file under dist/) or removal (a
// folder dropped from `files`) fails here. dist/ is exactly the compiled .js and .d.ts of every source under lib/ and
// rules/, so a new source file needs no edit here; anything else that ships is listed by name.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPOSITORY_URL } from '../../lib/meta';
import { LIVE_RULES, STATIC_RULES } from '../../rules';

const ROOT = join(__dirname, '../..');

// Everything that ships outside dist/ and docs/rules/<id>.md.
const PINNED = [
  'LICENSE',
  'README.md',
  'bin/cachelint.js',
  'cdk/package.json', // `cachelint/cdk` for TypeScript's node10 resolution and tools that ignore `exports`
  'docs/platforms/README.md', // the platform facts the rule pages and messages cite
  'docs/platforms/api-gateway.md',
  'docs/platforms/cloudfront.md',
  'docs/platforms/kong.md',
  'docs/probe.md',
  'docs/rules/README.md',
  'package.json',
  'schema/cachelint.config.schema.json',
];

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) =>
      relative(ROOT, join(e.parentPath ?? e.path, e.name))
        .split(sep)
        .join('/'),
    );
}

const packed: { files: { path: string }[] }[] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
);
const files = packed[0].files.map((f) => f.path).sort();

describe('npm pack', () => {
  test('ships exactly: the pinned files, a page per rule, and the compiled .js + .d.ts of each lib/ and rules/ source', () => {
    const compiled = [...sourcesUnder('lib'), ...sourcesUnder('rules')].flatMap((ts) => {
      const base = `dist/${ts.replace(/\.ts$/, '')}`;
      return [`${base}.js`, `${base}.d.ts`];
    });
    const pages = [...STATIC_RULES, ...LIVE_RULES].map((r) => r.docs);
    expect(files).toEqual([...PINNED, ...pages, ...compiled].sort());
  });

  test('no source map and no reference to one: the TypeScript sources they would point at are not shipped', () => {
    expect(files.filter((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    const referring = files.filter((f) => /\.(js|d\.ts)$/.test(f) && /^\/\/# sourceMappingURL=/m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(referring).toEqual([]);
  });

  test('LICENSE is the full Apache-2.0 text that package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.license).toBe('Apache-2.0');
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    for (const section of ['1. Definitions.', '4. Redistribution.', '9. Accepting Warranty or Additional Liability.', 'END OF TERMS AND CONDITIONS'])
      expect(text).toContain(section);
  });

  test('repository, homepage and bugs point where the docs links do', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(REPOSITORY_URL).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(pkg.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPOSITORY_URL}.git` });
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
  });
});
