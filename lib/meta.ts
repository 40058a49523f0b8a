// Tool identity and documentation links.
import type { Rule } from './findings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
}

// From lib/ under ts-jest and from dist/lib/ once built: the first package.json up the tree that is ours. Read as
// text: require() of a JSON file costs a millisecond more on the CLI's cold start.
function readPackageJson(): PackageJson {
  for (const up of ['..', '../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as PackageJson;
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
