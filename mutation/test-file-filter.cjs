// Jest `filter` for Stryker mutant runs (stryker.config.mjs only): keeps the test files that cover the active mutant,
// as recorded by record-test-files.cjs in the dry run. Without a record for the mutant, every file runs; with
// CACHELINT_MUTATION_ALL_TEST_FILES=1, always (to check that the filter changes no result).
const { readFileSync } = require('node:fs');

let filesOf;
module.exports = async (testPaths) => {
  const active = process.env.__STRYKER_ACTIVE_MUTANT__;
  const mapFile = process.env.CACHELINT_MUTATION_TEST_FILES;
  if (active === undefined || !mapFile || process.env.CACHELINT_MUTATION_ALL_TEST_FILES === '1') return { filtered: testPaths };
  try {
    filesOf ??= JSON.parse(readFileSync(mapFile, 'utf8'));
  } catch {
    return { filtered: testPaths };
  }
  const files = filesOf[active];
  if (!files || files.includes('*')) return { filtered: testPaths };
  const keep = new Set(files);
  return { filtered: testPaths.filter((p) => keep.has(p)) };
};
