import "server-only";
import { getDbHandle } from "./client";
import { describeDatabaseError } from "./errors";

export type PingResult = { up: true; latencyMs: number } | { up: false; latencyMs: number; error: string };

/** Whether Postgres answers `SELECT 1` through the app's pool; never throws, never waits past timeoutMs. */
export async function pingDatabase(timeoutMs = 2_000): Promise<PingResult> {
  const startedAt = performance.now();
  const latencyMs = () => Math.round(performance.now() - startedAt);
  let target = "the database";
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const handle = getDbHandle();
    target = handle.target;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from ${handle.target} within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([handle.pool.query("SELECT 1"), deadline]);
    return { up: true, latencyMs: latencyMs() };
  } catch (error) {
    return { up: false, latencyMs: latencyMs(), error: describeDatabaseError(error, target) };
  } finally {
    clearTimeout(timer);
  }
}
