import { execFileSync } from "node:child_process";
import { INTEGRATION_DATABASE_URL } from "./env";

// The integration suite runs against the real local broker and a freshly migrated database of its own.
export default function setup(): void {
  execFileSync("bash", ["scripts/kafka/start.sh"], { stdio: "inherit" });
  const env = { ...process.env, DATABASE_URL: INTEGRATION_DATABASE_URL };
  execFileSync("node", ["scripts/db/ensure-database.mjs", "--fresh"], { stdio: "inherit", env });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env });
}
