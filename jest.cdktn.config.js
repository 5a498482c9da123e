// `npm run test:cdktn` (scripts/test-cdktn.ts): the construct and stack tests, and __tests__/cdktn/,
// with every `cdktf` import resolved to CDK Terrain (`cdktn`), and `@cdktf/provider-btp` to the
// bindings that CDK Terrain's generator wrote into .cdktn/provider-btp. The prebuilt
// @cdktf/provider-time and @cdktf/provider-http import `cdktf`, so they load `cdktn` as well.
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS config, like jest.config.js */
const { dirname, join } = require("node:path");
const base = require("./jest.config.js");

const cdktn = dirname(require.resolve("cdktn/package.json"));

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // Tests that spawn the CLIs (main, graph, preview, review, validate) are left out: the spawned
  // processes resolve `cdktf` normally. provider-schema uses no cdktf at all.
  testMatch: [
    "<rootDir>/__tests__/api-*.test.ts",
    "<rootDir>/__tests__/content-transport-landscape.test.ts",
    "<rootDir>/__tests__/stacks.test.ts",
    "<rootDir>/__tests__/environment-config.test.ts",
    "<rootDir>/__tests__/cdktn/**/*.cdktn.ts",
  ],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    "^cdktf$": join(cdktn, "lib/index.js"),
    "^cdktf/(.*)$": join(cdktn, "$1"),
    "^@cdktf/provider-btp$": "<rootDir>/.cdktn/provider-btp/lib/index.js",
  },
};
