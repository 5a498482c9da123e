import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "cdktf.out/",
      "dist/",
      ".cdktn/",
      "packages/provider-btp/src/",
      "packages/provider-btp/lib/",
      "packages/provider-cloudfoundry/src/",
      "packages/provider-cloudfoundry/lib/",
      "jest.config.js",
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Rules that go with the constructs are static members of a class, as cdktf's Fn and Token are.
      "@typescript-eslint/no-extraneous-class": ["error", { allowStaticOnly: true }],
    },
  },
);
