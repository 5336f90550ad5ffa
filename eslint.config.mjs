import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "dist-plugin/",
      "node_modules/",
      "**/node_modules/",
      ".pulumi-state/",
      "bench-results/",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // The serialized provider shim must require() the runtime at call time (see provider/shim.ts).
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
