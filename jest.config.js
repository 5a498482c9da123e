const { availableParallelism } = require("node:os");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // The product's tests, and the tooling's own beside it.
  roots: ["<rootDir>/__tests__", "<rootDir>/tools/stack-tools/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Type-checking is `npm run typecheck`'s job; here ts-jest only transpiles, which keeps the suite fast
  // (tsconfig.json's `isolatedModules: true` is what puts ts-jest in transpile-only mode).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Jest's default is one worker less than the cores, so on 2 cores a single in-band run. Many tests
  // wait on a spawned `tsx` or `git` child, so two workers keep 2 cores busy: measured on a 2-core
  // machine, `npm test` went from ~29.5 s to ~24 s; 3 workers were slower again. Above 3 cores the
  // default applies unchanged.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Many tests start a child process (Terraform, tsx, git); on a loaded 2-core machine one can take
  // far longer than Jest's 5 s default. The limit is there to end a hang, not to time a test.
  testTimeout: 10 * 60 * 1000,
  // tsconfig.json's `paths`: the package names of the library and the app, resolved to their source.
  moduleNameMapper: {
    "^btp-apim-transport-destination$": "<rootDir>/constructs/index.ts",
    "^@apim/stacks$": "<rootDir>/stacks/index.ts",
  },
  setupFiles: ["<rootDir>/__tests__/no-terraform.ts"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
};
