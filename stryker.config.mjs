// Mutation testing (issue 6): `npm run mutation` mutates rules/ and lib/sources/ and runs the jest tests that cover
// each mutant (coverageAnalysis perTest). Not part of CI: a full run takes long on a shared 2-core machine.
// Measure one scope at a time, e.g. `MUTATION_SCOPE=cloudformation npm run mutation`; scores are kept in docs/mutation.md.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

// Tests that read the shared corpus find it beside the repository; the sandbox is elsewhere (.stryker-tmp/).
process.env.CACHELINT_CORPUS ??= resolve(import.meta.dirname, '../shared/corpus');

// A scope mutates one part and matches only the test files meant to pin it (the score can only be lower for it: a
// mutant only a left-out test would kill survives); of those, each mutant run loads the files that cover it (below).
const RULE_PAGES = '<rootDir>/test/{docs/rule-examples,golden/*}.test.ts'; // every example on the rule pages and in examples/, end to end, output pinned byte for byte
const RELIABILITY = '<rootDir>/test/reliability/{prototype-keys,positions,no-silent-pass}.test.ts';
const GOLDEN_MODELS = '<rootDir>/test/sources/{golden-models,registry}.test.ts'; // every fixture's pinned model; detection
const SCOPES = {
  all: { mutate: ['rules/**/*.ts', 'lib/sources/**/*.ts'], tests: ['<rootDir>/test/rules/**/*.test.ts', '<rootDir>/test/sources/**/*.test.ts', RULE_PAGES, RELIABILITY] },
  // Rules run on every endpoint of every scan, so every scan test covers every rule mutant: the rules are judged on
  // the model (test/rules, one file per rule) and on the rule pages' examples.
  rules: { mutate: ['rules/**/*.ts'], tests: ['<rootDir>/test/rules/**/*.test.ts', RULE_PAGES] },
  // The source scopes run their own tests and the golden models (every fixture's reading pinned); the rule pages and
  // reliability tests would run for nearly every mutant and add little there.
  kong: { mutate: ['lib/sources/kong/**/*.ts'], tests: ['<rootDir>/test/sources/kong/**/*.test.ts', '<rootDir>/test/sources/kong-ingress/**/*.test.ts', GOLDEN_MODELS], preload: ['lib/sources/kong/index.ts'] },
  'kong-ingress': { mutate: ['lib/sources/kong-ingress/**/*.ts'], tests: ['<rootDir>/test/sources/kong-ingress/**/*.test.ts', GOLDEN_MODELS], preload: ['lib/sources/kong-ingress/index.ts'] },
  // Not test/sources/cloudformation/mutations: it covers every mutant, runs for each (~1.5 s) and checks only that
  // nothing throws.
  cloudformation: {
    mutate: ['lib/sources/cloudformation/**/*.ts', 'lib/sources/index.ts'],
    tests: ['<rootDir>/test/sources/cloudformation/**/*.test.ts', '!**/cloudformation/mutations.test.ts', GOLDEN_MODELS],
    preload: ['lib/sources/index.ts', 'lib/sources/cloudformation/index.ts'],
  },
};
const scopeName = process.env.MUTATION_SCOPE ?? 'all';
const scope = SCOPES[scopeName];
if (!scope) throw new Error(`MUTATION_SCOPE=${scopeName}: expected one of ${Object.keys(SCOPES).join(', ')}`);

// The dry run records which test files cover each mutant (mutation/record-test-files.cjs); each mutant run then loads
// only those (mutation/test-file-filter.cjs, a jest `filter`). A fresh record per run: mutant ids change with the code.
process.env.CACHELINT_MUTATION_PRELOAD ??= (scope.preload ?? []).join(',');
if (!process.env.CACHELINT_MUTATION_TEST_FILES) {
  const record = resolve(import.meta.dirname, `reports/stryker-test-files-${scopeName}.json`);
  mkdirSync(resolve(import.meta.dirname, 'reports'), { recursive: true });
  rmSync(record, { force: true });
  process.env.CACHELINT_MUTATION_TEST_FILES = record;
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code: rule metadata, tables) run every test file of the scope each. The rules scope
  // skips them (its metadata is pinned by test/docs); the source scopes run them (few, and their tables decide).
  ignoreStatic: !scope.preload,
  mutate: scope.mutate,
  // One incremental record per scope, so scopes can be run and resumed independently (`--incremental`).
  incrementalFile: `reports/stryker-incremental-${scopeName}.json`,
  jest: {
    projectType: 'custom',
    enableFindRelatedTests: false,
    config: {
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      // The tests that exercise rules and adapters; not the CDK synths, the CLI packaging or the nginx probe runs.
      testMatch: [
        ...scope.tests,
        '!**/cfn-lint.test.ts', // an external process that judges the fixtures, not our code
        // The corpus tests cover nearly every mutant and would run for each: add them back for a final measure.
        '!**/corpus*.test.ts',
      ],
      // Transpile only (Stryker's mutants are not type-correct, and type-checking each run is slow).
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true, diagnostics: false }] },
      testTimeout: 60000,
      setupFilesAfterEnv: ['<rootDir>/mutation/record-test-files.cjs'],
      filter: '<rootDir>/mutation/test-file-filter.cjs',
    },
  },
  // Two cores shared with other sessions: one worker by default (override with --concurrency).
  concurrency: 1,
  // A mutant that loops ends as a timeout this long after its tests' normal time (they take under 5 s).
  timeoutMS: 5000,
  ignorePatterns: ['/.stryker-tmp', '/dist', '/cdk.out', '/coverage', '/reports', '/bench', '/examples/cdk', '/test/cdk'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scopeName}.html` },
  jsonReporter: { fileName: `reports/mutation/${scopeName}.json` },
  tempDirName: `.stryker-tmp/${scopeName}`,
  cleanTempDir: true,
};
