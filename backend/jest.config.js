/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Specs sit beside what they test: app code in src, tools (the demo seed) in tools, the
  // cross-cutting security suites in test.
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/tools'],
  testRegex: '\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // One embedded PostgreSQL (or DATABASE_URL) for the run; every test file gets its own database.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
  // The work is in PostgreSQL, not in Node: two workers keep both cores busy.
  maxWorkers: 2,
};
