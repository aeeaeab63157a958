import Link from "next/link";
import { formatDuration } from "@/lib/config/duration";
import { FAILING_SAGA_STATUSES, type FailingSagas } from "@/lib/overview";
import type { Severity } from "@/lib/overview/attention";
import { SAGA_STATUS_TONE, SagaStatusBadge } from "@/components/sagas/saga-status-badge";
import { sagaHref } from "@/components/sagas/sagas-url";
import { Time } from "@/components/time/time";
import { formatCount } from "@/components/traces/format";
import { AllClear, SectionCard } from "./section-card";

const COUNT_TONE = { bad: "text-bad", warn: "text-warn", ok: "text-ok", accent: "text-accent", neutral: "text-muted" } as const;

/** Failed, stuck, compensating and compensated sagas of the window: counts that open the filtered list, and the newest few. */
export function SagasSection({ sagas, severity, windowLabel, listHref }: {
  sagas: FailingSagas; severity: Severity; windowLabel: string; listHref: (status: string) => string;
}) {
  const total = FAILING_SAGA_STATUSES.reduce((sum, status) => sum + sagas.counts[status].count, 0);
  return (
    <SectionCard id="sagas" title="Sagas in trouble" severity={severity} more={{ href: listHref("any"), label: "All sagas" }}>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="Sagas by status">
        {FAILING_SAGA_STATUSES.map((status) => {
          const { count, capped } = sagas.counts[status];
          return (
            <li key={status}>
              <Link href={listHref(status)} data-testid={`overview-saga-count-${status}`}
                className="flex flex-col rounded-md border border-border px-3 py-2 hover:bg-surface-2">
                <span className={`text-xl font-semibold tabular-nums ${count > 0 ? COUNT_TONE[SAGA_STATUS_TONE[status]] : "text-faint"}`}>
                  {formatCount(count)}{capped ? "+" : ""}
                </span>
                <span className="text-xs text-muted">{status}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {total === 0 ? (
        <AllClear testId="sagas-clear">No saga started in the {windowLabel} failed, got stuck or was compensated.</AllClear>
      ) : (
        <ul aria-label="Most recent sagas in trouble" data-testid="overview-recent-sagas" className="flex flex-col divide-y divide-border rounded-md border border-border text-sm">
          {sagas.recent.map((saga) => (
            <li key={saga.id} data-testid="overview-saga" data-saga-id={saga.id} data-status={saga.status} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5">
              <SagaStatusBadge status={saga.status} />
              <Link href={sagaHref(saga.id)} className="font-medium text-accent hover:underline">{saga.name}</Link>
              {saga.key && <span className="font-mono text-xs text-muted [overflow-wrap:anywhere]">{saga.key}</span>}
              {saga.failedStep && <span className="text-xs">failed at <span className="font-mono">{saga.failedStep}</span></span>}
              <span className="ml-auto text-xs text-muted">started <Time value={saga.startedAt.toISOString()} format="datetime" /></span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-muted">Started in the {windowLabel}; a saga is stuck after {formatDuration(sagas.stuckThresholdMs)} without a new step.</p>
    </SectionCard>
  );
}
