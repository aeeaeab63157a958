// Prisma CLI configuration (migrate, generate). The app itself reads DATABASE_URL through lib/config.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnvConfig } from "@next/env";
import { defineConfig } from "prisma/config";
import { UNMODELLED_TABLES } from "./prisma/unmodelled-tables";

const root = path.dirname(fileURLToPath(import.meta.url));

// Read .env files as `next start` does (like scripts/db/ensure-database.mjs), so `prisma migrate deploy`
// targets the app's database. Variables already set win; the logger is quiet to keep Prisma's output clean.
loadEnvConfig(root, false, { info: () => {}, error: console.error });

// Prisma's native schema engine is downloaded from a server this network cannot reach; use Flowdeck's.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts/prisma/schema-engine.mjs");

const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  // Partitioned tables live in raw-SQL migrations; Prisma must neither diff nor drop them.
  experimental: { externalTables: true },
  tables: { external: [...UNMODELLED_TABLES] },
  // Without DATABASE_URL, `prisma generate` (CI, before any .env exists) still works; commands that
  // need a database stop with Prisma's own "datasource.url is required" message.
  ...(databaseUrl ? { datasource: { url: databaseUrl } } : {}),
});
