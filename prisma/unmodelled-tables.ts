// Tables Prisma cannot model — partitioned tables such as `spans` — are created by raw-SQL migrations.
// Listing a table here (schema-qualified, e.g. "public.spans") makes every Prisma CLI command treat it
// as external: `migrate dev` stops proposing to drop it and the drift check
// (tests/integration/migrations.test.ts) ignores it. Partitions need no entry: Prisma skips them.
// List only parents created by a migration; the test fails for a name the migrations do not create.

/** Schema-qualified names of the tables Prisma leaves alone, passed to `tables.external` in prisma.config.ts. */
export const UNMODELLED_TABLES: readonly string[] = ["public.spans"];
