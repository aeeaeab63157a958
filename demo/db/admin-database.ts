import pg from "pg";

/**
 * Runs `work` on the server's maintenance database (postgres), given the name of the database that
 * `databaseUrl` points at: creating or dropping a database cannot be done from inside it.
 */
export async function withAdminConnection<T>(databaseUrl: string, work: (admin: pg.Client, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await work(admin, name);
  } finally {
    await admin.end();
  }
}
