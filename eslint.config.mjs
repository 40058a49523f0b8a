// ESLint flat config (issue 18). Type-checked rules for the shipped code (lib/, rules/, bin/); the lighter
// non-type-checked set for tests, the benchmark and mutation tooling. Formatting is Prettier's job
// (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

const SHIPPED = ['lib/**/*.ts', 'rules/**/*.ts', 'bin/**/*.ts'];
const UNUSED = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true };

export default defineConfig(
  {
    // Not ours, generated, or data: built output, installed packages, example apps and fixtures users run as is.
    ignores: ['dist/**', '**/node_modules/**', 'coverage/**', 'reports/**', '.stryker-tmp/**', 'examples/**', 'docs/**', 'cdk.out/**', 'test/fixtures/**', '.dist-check-*/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: SHIPPED,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'mutation/**/*.ts'],
    extends: [tseslint.configs.recommended],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // `const { file: _file, ...rest } = x` drops a key; an `_`-named parameter keeps a signature callers rely on.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  { files: ['**/*.ts'], rules: { '@typescript-eslint/no-unused-vars': ['error', UNUSED] } },
  {
    // Jest setup files run in jest's globals.
    files: ['test/**/*.js', 'mutation/record-test-files.cjs'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['lib/**/*.ts', 'rules/**/*.ts'],
    rules: {
      // Issue 18: no file over 400 lines, no function over 80 without a comment saying why it must be long
      // (`// eslint-disable-next-line max-lines-per-function -- <why>`).
      'max-lines': ['error', 400],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  prettier,
);
