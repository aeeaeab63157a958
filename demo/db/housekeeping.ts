// Keeps the outbox and the dedupe table from growing without end. Sent outbox rows are only history.
// Dedupe records outlive any redelivery a broker or relay would make (a week), so dropping them later
// cannot let a duplicate through; a message still in a DLQ was never recorded, so a late redrive applies.
import type pg from "pg";

const EVERY_MS = 60_000;

export async function cleanUp(pool: pg.Pool, service: string): Promise<void> {
  await pool.query("DELETE FROM outbox WHERE service = $1 AND sent_at < now() - interval '10 minutes'", [service]);
  await pool.query("DELETE FROM processed_events WHERE consumer = $1 AND processed_at < now() - interval '7 days'", [service]);
}

/** Cleans up once a minute; returns the function that stops it. */
export function startHousekeeping(pool: pg.Pool, service: string): () => void {
  const timer = setInterval(() => {
    cleanUp(pool, service).catch((error: unknown) => console.error(`${service} housekeeping: ${(error as Error).message}`));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
