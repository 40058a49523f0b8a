// Mutation testing (issue 6): `npm run mutation` mutates rules/ and lib/sources/ and runs the jest tests that cover
// each mutant (coverageAnalysis perTest). Not part of CI: a full run takes long on a shared 2-core machine.
// Measure one folder at a time, e.g. `npm run mutation -- --mutate 'rules/**/*.ts'`; scores are kept in docs/mutation.md.
import { resolve } from 'node:path';

// Tests that read the shared corpus find it beside the repository; the sandbox is elsewhere (.stryker-tmp/).
process.env.CACHELINT_CORPUS ??= resolve(import.meta.dirname, '../shared/corpus');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  coverageAnalysis: 'perTest',
  // Static mutants (module-level rule metadata and tables) would rerun every test each: skipped, and reported as such.
  ignoreStatic: true,
  mutate: ['rules/**/*.ts', 'lib/sources/**/*.ts'],
  jest: {
    projectType: 'custom',
    enableFindRelatedTests: false,
    config: {
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      // The tests that exercise rules and adapters; not the CDK synths, the CLI packaging or the nginx probe runs.
      testMatch: [
        '<rootDir>/test/rules/**/*.test.ts',
        '<rootDir>/test/sources/**/*.test.ts',
        '<rootDir>/test/docs/rule-examples.test.ts',
        '<rootDir>/test/reliability/{prototype-keys,positions,no-silent-pass}.test.ts',
        '<rootDir>/test/mutation/**/*.test.ts',
        '!**/cfn-lint.test.ts', // an external process that judges the fixtures, not our code
        // The corpus tests cover nearly every mutant and would run for each: add them back for a final measure.
        '!**/corpus*.test.ts',
      ],
      // Transpile only (Stryker's mutants are not type-correct, and type-checking each run is slow).
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true, diagnostics: false }] },
      testTimeout: 60000,
    },
  },
  // Two cores shared with other sessions: one worker by default (override with --concurrency).
  concurrency: 1,
  timeoutMS: 20000,
  ignorePatterns: ['/dist', '/cdk.out', '/coverage', '/reports', '/bench', '/examples/cdk', '/test/cdk'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
