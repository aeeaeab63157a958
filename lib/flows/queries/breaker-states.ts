import "server-only";
import { getPool } from "@/lib/db";
import type { BreakerStateName, ServiceBreaker } from "../model";

const isKnownState = (state: string): state is BreakerStateName => state === "closed" || state === "open" || state === "half_open";

/** Every breaker's current state (breaker_states holds one row per service and breaker). */
export async function serviceBreakerStates(): Promise<ServiceBreaker[]> {
  const { rows } = await getPool().query<{ service: string; breaker: string; state: string; since: Date }>(
    "SELECT service, breaker, state, since FROM breaker_states ORDER BY service, breaker");
  // A state outside the convention is shown as it is least dangerous to ignore: not closed, so half_open.
  return rows.map((r) => ({ service: r.service, breaker: r.breaker, state: isKnownState(r.state) ? r.state : "half_open", since: r.since }));
}
