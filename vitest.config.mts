import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // server-only throws outside Next's server bundle; tests run server modules directly.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["{lib,components,app,scripts,demo}/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Integration tests share the one Postgres and broker: run files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/integration/global-setup.ts"],
          env: { DATABASE_URL: process.env.FLOWDECK_IT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/flowdeck_it", FLOWDECK_CLUSTERS: "local", KAFKA_LOCAL_BROKERS: "127.0.0.1:9092",
            FLOWDECK_AUTH_SECRET: "integration-tests-secret-not-for-production-0123456789" },
        },
      },
    ],
  },
});
