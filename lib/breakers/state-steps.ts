// A breaker's state over a time window as steps, for a step chart and for "time spent in each state":
// the state at the window's start comes from the last transition before it (else from the first
// transition's previous state), then each transition in the window starts a new step.
import type { BreakerStateName } from "@/lib/projections/breaker-events";

export type StateChange = { at: Date; fromState: BreakerStateName | null; toState: BreakerStateName };
/** The state from `t` until the next step's t (or the window's end); null while the state is not known. */
export type StateStep = { t: number; state: BreakerStateName | null };

/** Chart levels: half-open between closed and open, so a breaker testing the water is visible. */
export const STATE_LEVEL: Record<BreakerStateName, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * Steps from `from` to `to` (a last point at `to` closes the final step). `before` is the last transition
 * before the window, or null; `changes` are the window's transitions, oldest first.
 */
export function stateSteps(before: StateChange | null, changes: readonly StateChange[], from: Date, to: Date): StateStep[] {
  const inWindow = changes.filter((c) => c.at.getTime() >= from.getTime() && c.at.getTime() <= to.getTime());
  const initial = before?.toState ?? inWindow[0]?.fromState ?? null;
  const steps: StateStep[] = [{ t: from.getTime(), state: initial }];
  for (const change of inWindow) {
    const last = steps[steps.length - 1];
    // Several changes in one instant: the last one holds.
    if (last !== undefined && last.t === change.at.getTime()) last.state = change.toState;
    else steps.push({ t: change.at.getTime(), state: change.toState });
  }
  const last = steps[steps.length - 1];
  steps.push({ t: to.getTime(), state: last?.state ?? null });
  return steps;
}

/** Milliseconds spent in each state over the steps (unknown time is left out). */
export function timeInStates(steps: readonly StateStep[]): Record<BreakerStateName, number> {
  const totals: Record<BreakerStateName, number> = { closed: 0, half_open: 0, open: 0 };
  for (let i = 0; i + 1 < steps.length; i++) {
    const step = steps[i];
    const next = steps[i + 1];
    if (step?.state && next) totals[step.state] += next.t - step.t;
  }
  return totals;
}
