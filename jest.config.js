/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Type checking is `npm run typecheck`; with isolatedModules (tsconfig) ts-jest only transpiles.
  transform: { "^.+\\.ts$": ["ts-jest", {}] },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.pulumi-state/"],
  testTimeout: 30000,
  globalSetup: "<rootDir>/scripts/build-if-stale.js",
};
