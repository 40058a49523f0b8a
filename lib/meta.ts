// Tool identity and documentation links.
import type { Rule } from './findings';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
}

// From lib/ under ts-jest and from dist/lib/ once built: the first package.json up the tree that is ours.
function readPackageJson(): PackageJson {
  for (const p of ['../package.json', '../../package.json']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pkg = require(p) as PackageJson;
      if (pkg.name === 'cachelint') return pkg;
    } catch {
      // try the next candidate
    }
  }
  return { name: 'cachelint', version: '0.0.0' };
}

const pkg = readPackageJson();
export const TOOL_NAME = 'cachelint';
export const VERSION: string = pkg.version;
export const REPOSITORY_URL = pkg.homepage?.replace(/#.*$/, '') ?? 'https://github.com/cachelint/cachelint';

export function docsUrl(rule: Pick<Rule, 'docs'>): string {
  return `${REPOSITORY_URL}/blob/main/${rule.docs}`;
}
