import "server-only";
import { getPool } from "@/lib/db";

export const SAGA_NAME_LIMIT = 100;

/**
 * The saga types there are, for the type filter. A loose index scan on (name, started_at): one index
 * probe per distinct name, so a million sagas of five types cost five probes, not a million rows.
 */
export async function listSagaNames(): Promise<string[]> {
  const { rows } = await getPool().query<{ name: string }>(
    `WITH RECURSIVE names AS (
       (SELECT name FROM sagas ORDER BY name LIMIT 1)
       UNION ALL
       SELECT (SELECT s.name FROM sagas s WHERE s.name > names.name ORDER BY s.name LIMIT 1) FROM names WHERE names.name IS NOT NULL
     )
     SELECT name FROM names WHERE name IS NOT NULL LIMIT ${String(SAGA_NAME_LIMIT)}`);
  return rows.map((row) => row.name);
}

/** Whether any saga was ever projected: an empty list then says how to send saga spans, not "no matches". */
export async function hasAnySagas(): Promise<boolean> {
  const { rows } = await getPool().query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM sagas) AS any");
  return rows[0]?.any ?? false;
}
