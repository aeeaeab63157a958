import { execFileSync } from "node:child_process";
import fs from "node:fs";

export const BENCH_DATABASE_URL = benchDatabaseUrl("flowdeck_bench");

/** A benchmark's own database: each benchmark names its own, so two can run on one machine at once. */
export function benchDatabaseUrl(name: string): string {
  return `postgresql://postgres@127.0.0.1:5432/${name}`;
}

/** Refuses to start with less than `gigabytes` free where Postgres keeps its data and here. */
export function requireFreeDisk(gigabytes: number): void {
  const dataDir = fs.existsSync("/var/lib/postgresql") ? "/var/lib/postgresql" : ".";
  for (const dir of [dataDir, "."]) {
    const out = execFileSync("df", ["-Pk", dir], { encoding: "utf8" }).trim().split("\n")[1] ?? "";
    const freeGb = Number(out.split(/\s+/)[3]) / 1024 / 1024;
    if (!(freeGb >= gigabytes)) throw new Error(`only ${freeGb.toFixed(1)} GB free under ${dir}; the benchmark needs ${gigabytes} GB`);
  }
}

export function createBenchDatabase(url = BENCH_DATABASE_URL): void {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("node", ["scripts/db/ensure-database.mjs", "--fresh"], { env, stdio: "inherit" });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
}

export function dropBenchDatabase(url = BENCH_DATABASE_URL): void {
  const name = new URL(url).pathname.slice(1);
  execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-qc", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], { stdio: "inherit" });
}
