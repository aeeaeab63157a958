import fs from "node:fs";
import os from "node:os";
import pg from "pg";

function kafkaVersions(): string {
  const broker = /<kafka\.version>([^<]+)</.exec(fs.readFileSync("scripts/kafka/pom.xml", "utf8"))?.[1] ?? "?";
  const client = (JSON.parse(fs.readFileSync("node_modules/kafkajs/package.json", "utf8")) as { version?: string }).version ?? "?";
  return `Kafka ${broker} (one local broker), kafkajs ${client}`;
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(" ");
}

/** What the figures were measured on: the machine is shared, so the load at the start is part of the record. */
export async function describeMachine(databaseUrl: string): Promise<string> {
  const cpus = os.cpus();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  return `machine: ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM; `
    + `load average at start ${loadAverage()} (1, 5, 15 min)\nsoftware: Node ${process.version}, PostgreSQL ${rows[0]?.server_version ?? "?"}, ${kafkaVersions()}`;
}
