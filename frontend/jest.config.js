// CommonJS preset: a .ts config would need ts-node, and ESM mode is experimental on Node 20.
const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  setupFilesAfterEnv: ['<rootDir>/src/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Dialog tests render Material overlays; on a busy 2-core CI machine 5 s per test is too tight.
  testTimeout: 20000,
};
