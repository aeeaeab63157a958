import { execFileSync } from "node:child_process";
import fs from "node:fs";

export const BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/flowdeck_bench";

/** Refuses to start with less than `gigabytes` free where Postgres keeps its data and here. */
export function requireFreeDisk(gigabytes: number): void {
  const dataDir = fs.existsSync("/var/lib/postgresql") ? "/var/lib/postgresql" : ".";
  for (const dir of [dataDir, "."]) {
    const out = execFileSync("df", ["-Pk", dir], { encoding: "utf8" }).trim().split("\n")[1] ?? "";
    const freeGb = Number(out.split(/\s+/)[3]) / 1024 / 1024;
    if (!(freeGb >= gigabytes)) throw new Error(`only ${freeGb.toFixed(1)} GB free under ${dir}; the benchmark needs ${gigabytes} GB`);
  }
}

const env = { ...process.env, DATABASE_URL: BENCH_DATABASE_URL };

export function createBenchDatabase(): void {
  execFileSync("node", ["scripts/db/ensure-database.mjs", "--fresh"], { env, stdio: "inherit" });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
}

export function dropBenchDatabase(): void {
  execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-qc", "DROP DATABASE IF EXISTS flowdeck_bench WITH (FORCE)"], { stdio: "inherit" });
}
