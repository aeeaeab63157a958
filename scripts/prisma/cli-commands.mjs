// `schema-engine --datasource {...} cli <command>`: the one-shot commands the CLI runs outside JSON-RPC
// (migrate dev and db push use them to create a database that does not exist yet).
import { createRequire } from "node:module";
import { pgConfigFromUrl } from "./pg-adapter-factory.mjs";

const require = createRequire(import.meta.url);
const pg = require("pg");

const DATABASE_DOES_NOT_EXIST = "3D000";

/** Runs the command; returns undefined on success or the error the CLI should show. */
export async function runCliCommand(command, url) {
  if (!url) return { errorCode: "P1012", message: "no datasource URL was given; set DATABASE_URL" };
  const { config } = pgConfigFromUrl(url);
  const database = config.database || "postgres";
  try {
    if (command === "can-connect-to-database") await withClient(config, async () => {});
    else if (command === "create-database") await withMaintenanceClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    else if (command === "drop-database") await withMaintenanceClient(config, (c) => c.query(`DROP DATABASE ${quoteIdent(database)}`));
    else return { errorCode: "P1000", message: `unsupported schema engine cli command: ${command}` };
    return undefined;
  } catch (error) {
    // The CLI creates the database only when told "does not exist" in Prisma's own error code.
    if (error?.code === DATABASE_DOES_NOT_EXIST) return { errorCode: "P1003", message: `Database \`${database}\` does not exist` };
    return { errorCode: "P1001", message: `Can't reach database server at ${config.host}:${config.port ?? 5432}: ${error?.message ?? error}` };
  }
}

async function withClient(config, use) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

// CREATE/DROP DATABASE must run while connected to some other database.
function withMaintenanceClient(config, use) {
  return withClient({ ...config, database: "postgres" }, use);
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
