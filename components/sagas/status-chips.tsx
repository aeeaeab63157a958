import Link from "next/link";
import { SAGA_DISPLAY_STATUSES, type SagaStatusFilter } from "@/lib/sagas/queries/saga-filter";
import type { SagaStatusCounts } from "@/lib/sagas/queries";
import { formatCount } from "@/components/traces/format";
import { SAGA_STATUS_HELP, SAGA_STATUS_TONE } from "./saga-status-badge";
import { statusHref, type SagasView } from "./sagas-url";

const DOT: Record<string, string> = { bad: "bg-bad", warn: "bg-warn", accent: "bg-accent", ok: "bg-ok", neutral: "bg-faint" };

/** One link per status with its count for the window and filters; problems first, so they are found first. */
export function StatusChips({ view, counts }: { view: SagasView; counts: SagaStatusCounts }) {
  const total = SAGA_DISPLAY_STATUSES.reduce((sum, status) => sum + counts[status].count, 0);
  const anyCapped = SAGA_DISPLAY_STATUSES.some((status) => counts[status].capped);
  const chip = (status: SagaStatusFilter, label: string, count: string, help: string, dot: string | null, zero: boolean) => (
    <Link
      key={status}
      href={statusHref(view, status)}
      aria-current={view.status === status ? "true" : undefined}
      title={help}
      data-testid={`saga-chip-${status}`}
      className={`inline-flex items-center gap-1.5 rounded-full border border-border px-3 py-1 text-sm hover:bg-surface-2 aria-[current=true]:border-accent aria-[current=true]:bg-accent-soft aria-[current=true]:font-medium ${zero ? "text-faint" : ""}`}
    >
      {dot && <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />}
      {label}
      <span className="tabular-nums text-muted" data-testid="saga-chip-count">{count}</span>
    </Link>
  );
  return (
    <nav aria-label="Saga status" className="mb-3 flex flex-wrap gap-2">
      {chip("any", "All", `${formatCount(total)}${anyCapped ? "+" : ""}`, "Every saga started in the window", null, total === 0)}
      {SAGA_DISPLAY_STATUSES.map((status) => {
        const { count, capped } = counts[status];
        return chip(status, status, `${formatCount(count)}${capped ? "+" : ""}`, SAGA_STATUS_HELP[status], DOT[SAGA_STATUS_TONE[status]] ?? null, count === 0);
      })}
    </nav>
  );
}
