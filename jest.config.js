/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Type checking is `npm run typecheck`; transpiling alone keeps the suite fast.
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true }] },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.pulumi-state/"],
  testTimeout: 30000,
};
