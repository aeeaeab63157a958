import Link from "next/link";
import type { FailingCall, Transition } from "@/lib/breakers/queries";
import { FAILING_CALLS_AFTER_COUNT, FAILING_CALLS_AFTER_MS, FAILING_CALLS_BEFORE_COUNT, FAILING_CALLS_BEFORE_MS } from "@/lib/breakers/queries";
import { Time } from "@/components/time/time";
import { DataTable, EmptyRow, Th, Td } from "@/components/ui/data-table";
import { BreakerStateBadge } from "./breaker-state-badge";

// Trace links are not prefetched: a page of them would load the trace view's code before anyone asks.
const traceHref = (traceId: string, spanId: string) => `/traces/${traceId}?span=${spanId}`;

/**
 * The window's transitions, newest first, each with the failing calls of the breaker's service around it
 * (`failing[i]` belongs to the i-th newest; undefined: not looked up).
 */
export function TransitionsTable({ newestFirst, failing, service, breaker, labelledBy }: {
  newestFirst: Transition[]; failing: FailingCall[][]; service: string; breaker: string; labelledBy: string;
}) {
  return (
    <DataTable labelledBy={labelledBy} testId="breaker-transitions">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Change</Th>
          <Th>
            <span title={`Error spans of ${service}: the last ${FAILING_CALLS_BEFORE_COUNT} in the ${FAILING_CALLS_BEFORE_MS / 1000} s before the change and the first ${FAILING_CALLS_AFTER_COUNT} in the ${FAILING_CALLS_AFTER_MS / 1000} s after`}>
              Failing calls of {service} around it
            </span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.length === 0 && <EmptyRow colSpan={3}>No state change in this window.</EmptyRow>}
        {newestFirst.map((t, i) => {
          const calls = failing[i];
          return (
            <tr key={`${t.at.getTime()}-${t.spanId}`} data-testid="breaker-transition" data-to={t.toState}>
              <Td className="align-top whitespace-nowrap">
                <Link href={traceHref(t.traceId, t.spanId)} prefetch={false} className="hover:text-accent hover:underline" title="Open the span that reported the change">
                  <Time value={t.at.toISOString()} />
                </Link>
              </Td>
              <Td className="align-top whitespace-nowrap">
                <span className="inline-flex items-center gap-1.5">
                  {t.fromState ? <BreakerStateBadge state={t.fromState} /> : <span className="text-xs text-muted">?</span>}
                  <span aria-label="to">→</span>
                  <BreakerStateBadge state={t.toState} />
                </span>
              </Td>
              <Td className="align-top">
                {calls === undefined && <span className="text-xs text-muted">not looked up: narrow the window to see them</span>}
                {calls?.length === 0 && <span className="text-xs text-muted">none</span>}
                {calls && calls.length > 0 && (
                  <ul className="flex flex-col gap-0.5" data-testid="failing-calls">
                    {calls.map((c) => (
                      <li key={`${c.traceId}-${c.spanId}`} className="flex min-w-0 items-baseline gap-2 text-xs">
                        <Time value={c.startTime.toISOString()} format="time" className="shrink-0 text-muted" />
                        <Link href={traceHref(c.traceId, c.spanId)} prefetch={false} className="shrink-0 font-medium hover:text-accent hover:underline">{c.name}</Link>
                        {c.breaker === breaker && <span className="shrink-0 text-faint">via this breaker</span>}
                        {c.message && <span className="truncate text-bad" title={c.message}>{c.message}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
