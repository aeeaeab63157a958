import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { INTEGRATION_DATABASE_URL } from "./env";

const WORKER_PORT = 3291;
const db = new pg.Client({ connectionString: INTEGRATION_DATABASE_URL });

afterAll(() => db.end());

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// The worker imports the same server-only lib/ modules as the web server; Node's react-server
// condition makes `server-only` an empty module outside Next, which this test relies on.
describe("the worker process", () => {
  it("registers itself, serves its probes, and on SIGTERM stops, marks itself stopped and exits 0", async () => {
    await db.connect();
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/worker/main.ts"], {
      env: { ...process.env, DATABASE_URL: INTEGRATION_DATABASE_URL, FLOWDECK_WORKER_PORT: String(WORKER_PORT), PORT: "3290" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (d: Buffer) => (output += d.toString()));
    worker.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));

    const ready = await waitFor("the worker's readiness probe", async () => {
      const response = await fetch(`http://127.0.0.1:${WORKER_PORT}/health/ready`);
      return response.status === 200 ? ((await response.json()) as { postgres: { up: boolean } }) : undefined;
    }, 30_000);
    expect(ready.postgres.up).toBe(true);

    const instance = await waitFor("the worker's row and a finished heartbeat run", async () => {
      const { rows } = await db.query<{ id: string; pid: number; tasks: string[]; stopped_at: Date | null }>(
        `SELECT i.id, i.pid, i.tasks, i.stopped_at FROM worker_instances i
         JOIN worker_task_runs r ON r.task = 'heartbeat' AND r.last_finished_at >= i.started_at
         WHERE i.pid = $1`, [worker.pid]);
      return rows[0];
    }, 15_000);
    expect(instance.tasks).toEqual(["heartbeat", "cluster-probe", "span-retention", "audit-retention", "projector", "dlq-indexer", "redrive-executor", "approval-expiry"]);
    expect(instance.stopped_at).toBeNull();

    const metrics = await (await fetch(`http://127.0.0.1:${WORKER_PORT}/metrics`)).text();
    expect(metrics).toMatch(/flowdeck_worker_task_runs_total\{task="heartbeat",outcome="ok"\} [1-9]/);

    worker.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    const { rows } = await db.query<{ stopped_at: Date | null }>("SELECT stopped_at FROM worker_instances WHERE id = $1", [instance.id]);
    expect(rows[0]?.stopped_at).toBeInstanceOf(Date);
    expect(output).toContain('"msg":"worker stopped"');
  });
});
