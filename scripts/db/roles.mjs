#!/usr/bin/env node
// Creates Flowdeck's database roles if they are missing, as a DBA (a superuser or a CREATEROLE role)
// connecting with DATABASE_URL. Roles belong to the whole Postgres cluster, so this is idempotent and
// safe to run for several databases. The audit migration creates the two roles too (when the migrator
// may), so on a cluster where migrations run as a superuser this is only needed for the login part.
//
//   node scripts/db/roles.mjs                    flowdeck_audit_owner and flowdeck_app exist (NOLOGIN)
//   node scripts/db/roles.mjs --app-login        ...and flowdeck_app may log in (password from
//                                                FLOWDECK_APP_DB_PASSWORD, or none for trust/peer auth)
//   node scripts/db/roles.mjs --migrator NAME    ...and NAME, the role that runs migrations, may act as
//                                                the audit owner (it hands audit_events to it)
import pg from "pg";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("roles: FAILED: DATABASE_URL is not set (a superuser or CREATEROLE connection)");
  process.exit(1);
}
const args = process.argv.slice(2);
const migratorAt = args.indexOf("--migrator");
const migrator = migratorAt >= 0 ? args[migratorAt + 1] : undefined;
if (migratorAt >= 0 && !migrator) {
  console.error("roles: FAILED: --migrator needs a role name");
  process.exit(1);
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  for (const role of ["flowdeck_audit_owner", "flowdeck_app"]) {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (rowCount === 0) {
      // Another run may create it between the check and here; that is the same outcome.
      await client.query(`CREATE ROLE ${role} NOLOGIN`).catch((error) => {
        if (error.code !== "42710" && error.code !== "23505") throw error;
      });
      console.log(`roles: created ${role}`);
    }
  }
  if (args.includes("--app-login")) {
    const password = process.env.FLOWDECK_APP_DB_PASSWORD;
    if (password) {
      // A password cannot be a bind parameter in ALTER ROLE; quote it as a literal.
      await client.query(`ALTER ROLE flowdeck_app LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    } else {
      await client.query("ALTER ROLE flowdeck_app LOGIN");
    }
    console.log(`roles: flowdeck_app may log in${password ? " with FLOWDECK_APP_DB_PASSWORD" : " (no password set: trust or peer auth)"}`);
  }
  if (migrator) {
    await client.query(`GRANT flowdeck_audit_owner TO ${ident(migrator)}`);
    console.log(`roles: ${migrator} may act as flowdeck_audit_owner`);
  }
  console.log("roles: OK");
} catch (error) {
  console.error(`roles: FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
