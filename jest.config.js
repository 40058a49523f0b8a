/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
  testTimeout: 60000,
  // The default output, plus why any suite was skipped (jest prints nothing for a fully skipped file).
  reporters: ['default', '<rootDir>/test/helpers/skip-reasons.js'],
};
