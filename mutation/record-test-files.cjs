// Stryker jest setup (stryker.config.mjs only): during the dry run, records which test file each test lives in and
// writes "mutant id → test files that cover it" for test-file-filter.cjs, so a mutant run loads only those files.
// Stryker's jest runner otherwise loads every matched test file for every mutant and filters by test name only:
// loading was ~90% of the cost of a mutant.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

// The engine loads adapters lazily, so a module's top-level code (tables, constants) would first run inside whichever
// test scans first, and Stryker would judge its mutants by that test alone. Loaded here, before any test, that code
// counts as static: its mutants run against every test file of the scope.
for (const module of (process.env.CACHELINT_MUTATION_PRELOAD ?? '').split(',').filter(Boolean)) require(join(__dirname, '..', module));

const context = globalThis.__stryker__; // Stryker's instrumenter context, shared by every test file of this process
const mapFile = process.env.CACHELINT_MUTATION_TEST_FILES;
if (context && mapFile && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  const fileOf = (context.cachelintTestFileOf ??= {});
  beforeEach(() => {
    const { currentTestName, testPath } = expect.getState();
    (fileOf[currentTestName] ??= new Set()).add(testPath); // one name can be a test in several files
  });
  afterAll(() => {
    const coverage = context.mutantCoverage;
    if (!coverage?.perTest) return;
    const filesOf = {};
    for (const [test, mutants] of Object.entries(coverage.perTest)) {
      const files = fileOf[test] ?? ['*']; // a test this hook did not see: run everything
      for (const id of Object.keys(mutants)) for (const f of files) (filesOf[id] ??= new Set()).add(f);
    }
    // A mutant also reached while modules load (static coverage) may change any test: it runs every file.
    for (const id of Object.keys(coverage.static ?? {})) (filesOf[id] ??= new Set()).add('*');
    const out = {};
    for (const [id, files] of Object.entries(filesOf)) out[id] = [...files];
    writeFileSync(mapFile, JSON.stringify(out));
  });
}
