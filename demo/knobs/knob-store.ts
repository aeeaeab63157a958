import type pg from "pg";
import { DEFAULT_KNOBS, Knobs, type KnobChanges } from "./knobs";

export async function readKnobs(pool: pg.Pool): Promise<Knobs> {
  const { rows } = await pool.query<{ name: string; value: number }>("SELECT name, value FROM demo_knobs");
  const merged: Record<string, number> = { ...DEFAULT_KNOBS };
  for (const row of rows) if (row.name in DEFAULT_KNOBS) merged[row.name] = row.value;
  // A row written by hand that breaks a rule falls back to the defaults rather than crashing a service.
  const parsed = Knobs.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_KNOBS;
}

export async function writeKnobs(pool: pg.Pool, changes: KnobChanges): Promise<void> {
  for (const [name, value] of Object.entries(changes)) {
    await pool.query("INSERT INTO demo_knobs (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [name, value]);
  }
}

/** Knobs as this process last read them, refreshed every `intervalMs`. */
export class KnobWatcher {
  private current: Knobs = DEFAULT_KNOBS;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pool: pg.Pool, private readonly intervalMs: number) {}

  async start(): Promise<void> {
    this.current = await readKnobs(this.pool);
    this.timer = setInterval(() => {
      readKnobs(this.pool).then((knobs) => (this.current = knobs), () => {});
    }, this.intervalMs);
    this.timer.unref();
  }

  get knobs(): Knobs {
    return this.current;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
