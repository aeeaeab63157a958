import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// app/ and components/ reach Postgres and Kafka only through lib/<domain> (DESIGN.md, "Style" 1).
const storeAndBrokerImports = {
  patterns: [
    { group: ["@prisma/*", "pg", "pg-*", "kafkajs", "kafkajs-*", "**/generated/prisma", "**/generated/prisma/*"],
      message: "app/ and components/ go through lib/<domain>; they never import Prisma, pg or kafkajs." },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "generated/**", ".local/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      // Async functions that do not await yet are how interfaces stay promise-shaped (getOperator, codecs).
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", storeAndBrokerImports],
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  { files: ["**/*.mjs", "**/*.js"], languageOptions: { globals: globals.node } },
);
