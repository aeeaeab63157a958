import "server-only";
import { ConfigError, getConfig } from "@/lib/config";
import { countAppliedMigrations, pingDatabase } from "@/lib/db";
import { describeDatabaseUrl } from "./describe-database-url";

export type StartupProblem = { line: string };

/** What stops start-up: a bad setting, or a Postgres that does not answer or lacks Flowdeck's tables. */
export async function findStartupProblem(): Promise<StartupProblem | undefined> {
  let databaseUrl: string;
  try {
    databaseUrl = getConfig().databaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) return { line: error.message };
    throw error;
  }
  const where = describeDatabaseUrl(databaseUrl);
  const ping = await pingDatabase(5_000);
  if (!ping.up) return { line: `cannot reach Postgres at DATABASE_URL (${where}): ${ping.error}` };
  const applied = await countAppliedMigrations();
  if (applied === 0) return { line: `DATABASE_URL (${where}) has no Flowdeck tables yet: run \`npm run db:migrate\`` };
  return undefined;
}

/** Prints one line and exits when the process cannot start; unknown failures keep their stack. */
export async function startConfiguredProcess(kind: "web" | "worker" | "start"): Promise<void> {
  const problem = await findStartupProblem();
  if (!problem) return;
  console.error(`flowdeck ${kind}: ${problem.line}`);
  process.exit(1);
}
