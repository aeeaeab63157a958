import "server-only";
import { getPool } from "@/lib/db";
import type { BreakerStateName } from "@/lib/projections/breaker-events";
import type { StateChange } from "../state-steps";

/** The most transitions a breaker page draws in one window; a flapping breaker shows its latest ones. */
export const TRANSITION_CAP = 500;

export type BreakerIdentity = { service: string; name: string; state: BreakerStateName | null; since: Date | null };
export type Transition = StateChange & { spanId: string; traceId: string };
export type BreakerHistory = {
  /** The last transition before the drawn range (the window's start, or the oldest shown when capped). */
  before: Transition | null;
  /** Oldest first. */
  transitions: Transition[];
  /** More than TRANSITION_CAP in the window: only the newest are here, from `drawnFrom` on. */
  capped: boolean;
  drawnFrom: Date;
};

type TransitionRow = { from_state: BreakerStateName | null; to_state: BreakerStateName; at: Date; span_id: string; trace_id: string };

const toTransition = (row: TransitionRow): Transition => ({ at: row.at, fromState: row.from_state, toState: row.to_state, spanId: row.span_id, traceId: row.trace_id });
const nsOf = (at: Date) => (BigInt(at.getTime()) * 1_000_000n).toString();

/** The breaker with its current state, or null when Flowdeck never saw a state change or a call of it. */
export async function findBreaker(service: string, name: string): Promise<BreakerIdentity | null> {
  const pool = getPool();
  const { rows } = await pool.query<{ state: BreakerStateName; since: Date }>(
    "SELECT state, since FROM breaker_states WHERE service = $1 AND breaker = $2", [service, name]);
  const state = rows[0];
  if (state) return { service, name, state: state.state, since: state.since };
  const calls = await pool.query("SELECT 1 FROM resilience_minutes WHERE kind = 'breaker' AND service = $1 AND name = $2 LIMIT 1", [service, name]);
  return calls.rowCount === 0 ? null : { service, name, state: null, since: null };
}

/** Transitions in the window and the one before it, both by the primary key (service, breaker, at_ns, span_id). */
export async function breakerHistory(service: string, name: string, window: { from: Date; to: Date }): Promise<BreakerHistory> {
  const pool = getPool();
  const select = "SELECT from_state, to_state, at, span_id, trace_id FROM breaker_transitions WHERE service = $1 AND breaker = $2";
  const [inWindow, earlier] = await Promise.all([
    pool.query<TransitionRow>(`${select} AND at_ns >= $3 AND at_ns <= $4 ORDER BY at_ns DESC, span_id DESC LIMIT $5`,
      [service, name, nsOf(window.from), nsOf(window.to), TRANSITION_CAP + 1]),
    pool.query<TransitionRow>(`${select} AND at_ns < $3 ORDER BY at_ns DESC, span_id DESC LIMIT 1`, [service, name, nsOf(window.from)]),
  ]);
  const newestFirst = inWindow.rows.map(toTransition);
  if (newestFirst.length > TRANSITION_CAP) {
    const before = newestFirst[TRANSITION_CAP] ?? null;
    const kept = newestFirst.slice(0, TRANSITION_CAP).reverse();
    return { before, transitions: kept, capped: true, drawnFrom: kept[0]?.at ?? window.from };
  }
  const before = earlier.rows[0];
  return { before: before ? toTransition(before) : null, transitions: newestFirst.reverse(), capped: false, drawnFrom: window.from };
}
