import "server-only";
import { getPool } from "@/lib/db";
import { errorMessage, log } from "@/lib/log";
import { runJob, type ExecutorOptions } from "./run-job";

/**
 * One pass of the redrive executor: each job that is running (or has items in doubt) is claimed with a
 * session advisory lock and run on that lock's connection. If the worker dies, Postgres ends the session
 * and frees the lock at once, so another worker (or this one restarted) takes the job over, starting with
 * its items in doubt. Jobs that must wait are let go, so one waiting job does not hold up the others.
 * A job awaiting a second operator's approval (four-eyes rule) is neither running nor ever in doubt (it has
 * never sent), so it is not claimed until its approval makes it running.
 */
export async function runRedriveExecutor(signal: AbortSignal, options: ExecutorOptions = {}): Promise<void> {
  const { rows } = await getPool().query<{ id: string }>(
    "SELECT id FROM redrive_jobs WHERE status = 'running' OR in_doubt_from IS NOT NULL ORDER BY created_at LIMIT 100");
  for (const { id } of rows) {
    if (signal.aborted) return;
    const client = await getPool().connect();
    let broken = false;
    try {
      const { rows: [claim] } = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got", [`redrive:${id}`]);
      if (!claim?.got) continue; // another worker runs it
      try {
        const outcome = await runJob(client, id, signal, options);
        log.debug("redrive job run ended", { job: id, outcome });
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [`redrive:${id}`]).catch((error: unknown) => {
          broken = true;
          log.warn("could not release a redrive job's lock; dropping the connection", { job: id, error: errorMessage(error) });
        });
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // A connection that failed may still hold the lock: closing it is the only sure way to free it.
      client.release(broken);
    }
  }
}
