import type { BreakerStateName } from "@/lib/projections/breaker-events";
import { formatAge } from "@/components/dlq/format-age";

const ORDER: { state: BreakerStateName; label: string; dot: string }[] = [
  { state: "open", label: "open", dot: "bg-bad" },
  { state: "half_open", label: "half-open", dot: "bg-warn" },
  { state: "closed", label: "closed", dot: "bg-ok" },
];

/** How long the breaker spent in each state over the drawn range. */
export function TimeInStates({ totals }: { totals: Record<BreakerStateName, number> }) {
  return (
    <dl data-testid="breaker-time-in-states" className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
      {ORDER.map(({ state, label, dot }) => (
        <div key={state} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
          <dt className="text-muted">{label}</dt>
          <dd className="tabular-nums">{totals[state] > 0 ? formatAge(totals[state]) : "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
