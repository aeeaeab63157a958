// The saga timeline's geometry, kept pure so it is tested apart from the markup: one row per step
// attempt on a time axis shared by every row, actions and compensations in lanes of their own.
import type { SagaStepView } from "@/lib/sagas/queries/get-saga";

/** A step as the saga page reads it. */
export type GanttStep = SagaStepView;

export type GanttRow = GanttStep & {
  /** Position on the shared axis, in percent of its width. */
  leftPct: number;
  widthPct: number;
  offsetMs: number;
  durationMs: number;
  /** How many attempts this step has in its lane: a label says "attempt 2 of 3" only when there was a retry. */
  attempts: number;
  failed: boolean;
  /** The step the saga failed at: its latest failing step, as the projection defines failed_step. */
  sagaFailure: boolean;
};

export type GanttLane = { kind: "action" | "compensation"; rows: GanttRow[] };
export type GanttTick = { pct: number; offsetMs: number };
export type GanttLayout = { startMs: number; spanMs: number; lanes: GanttLane[]; ticks: GanttTick[] };

/** A bar never thinner than this, so a 1 ms step beside a 10 s one can still be seen and clicked. */
export const MIN_BAR_PCT = 0.6;

/** Lays the steps out on an axis from the saga's start to its end (or its last progress), widened to fit every step. */
export function layoutGantt(steps: readonly GanttStep[], saga: { startedAt: Date; endedAt: Date | null; lastProgressAt: Date }): GanttLayout {
  const startMs = Math.min(saga.startedAt.getTime(), ...steps.map((s) => s.startedAt.getTime()));
  const endMs = Math.max((saga.endedAt ?? saga.lastProgressAt).getTime(), ...steps.map((s) => s.endedAt.getTime()));
  // A saga of one instant still gets an axis: 1 ms wide rather than a division by zero.
  const spanMs = Math.max(1, endMs - startMs);
  const sorted = [...steps].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0));
  const failing = sorted.filter((s) => s.status === "error").at(-1);
  const attemptsOf = new Map<string, number>();
  for (const s of sorted) attemptsOf.set(`${s.kind}\u0000${s.step}`, (attemptsOf.get(`${s.kind}\u0000${s.step}`) ?? 0) + 1);

  const rows = sorted.map((s): GanttRow => {
    const offsetMs = s.startedAt.getTime() - startMs;
    const durationMs = Math.max(0, s.endedAt.getTime() - s.startedAt.getTime());
    const leftPct = clamp((offsetMs / spanMs) * 100, 0, 100 - MIN_BAR_PCT);
    const widthPct = clamp((durationMs / spanMs) * 100, MIN_BAR_PCT, 100 - leftPct);
    return {
      ...s, leftPct, widthPct, offsetMs, durationMs,
      attempts: Math.max(attemptsOf.get(`${s.kind}\u0000${s.step}`) ?? 1, s.attempt),
      failed: s.status === "error",
      sagaFailure: s === failing,
    };
  });
  const lanes: GanttLane[] = (["action", "compensation"] as const)
    .map((kind) => ({ kind, rows: rows.filter((row) => row.kind === kind) }))
    .filter((lane) => lane.rows.length > 0);
  return { startMs, spanMs, lanes, ticks: axisTicks(spanMs) };
}

/** Ticks at a round interval (1, 2 or 5 × a power of ten ms) giving about `target` divisions, from 0. */
export function axisTicks(spanMs: number, target = 5): GanttTick[] {
  const step = tickInterval(spanMs / target);
  const ticks: GanttTick[] = [];
  for (let offsetMs = 0; offsetMs <= spanMs + 1e-9; offsetMs += step) ticks.push({ offsetMs, pct: (offsetMs / spanMs) * 100 });
  return ticks;
}

export function tickInterval(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= rough) ?? 10;
  return Math.max(1, multiple * power);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
