// Makes two requests meet for certain: a row is held locked while they start, and let go only once both wait
// on a lock, so a race test does not pass merely because one request happened to finish before the other began.
import { setTimeout as sleep } from "node:timers/promises";
import { getPool } from "@/lib/db";

export async function raceWhileLocked<T>(lockSql: string, params: unknown[], racers: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const holder = await getPool().connect();
  try {
    await holder.query("BEGIN");
    await holder.query(lockSql, params);
    const racing = Promise.allSettled(racers.map((race) => race()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      // Asked on another connection: inside the holder's transaction pg_stat_activity would stay the snapshot it first saw.
      const { rows: [row] } = await getPool().query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
      if ((row?.n ?? 0) >= racers.length) break;
      if (Date.now() > deadline) throw new Error(`only ${row?.n ?? 0} of ${racers.length} racers waited on a lock`);
      await sleep(20);
    }
    await holder.query("COMMIT");
    return await racing;
  } finally {
    holder.release();
  }
}
