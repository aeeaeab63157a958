import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port";

const run = promisify(execFile);

export type ThrowawayPostgres = {
  url: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  destroy: () => Promise<void>;
};

/**
 * A private Postgres on its own port, for tests that stop the database: the shared one on 5432 is never
 * stopped. Uses the installed server's initdb/pg_ctl; as root, runs them as the postgres user (initdb refuses root).
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = (await run("pg_config", ["--bindir"])).stdout.trim();
  const asRoot = process.getuid?.() === 0;
  const runAsOwner = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "flowdeck-pg-"));
  if (asRoot) await run("chown", ["postgres:postgres", dataDir]);
  const port = await freePort();
  await runAsOwner("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync"]);
  // Small and unsynced: it lives for one test file on a 2-core machine shared with everything else.
  const serverOptions = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB -c max_connections=20`;
  const start = async () => {
    await runAsOwner("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", path.join(dataDir, "server.log"), "-w", "start"]);
  };
  const stop = async () => {
    await runAsOwner("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await runAsOwner("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
