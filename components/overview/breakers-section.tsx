import Link from "next/link";
import type { BreakersOverview } from "@/lib/overview";
import type { Severity } from "@/lib/overview/attention";
import { formatAge } from "@/components/dlq/format-age";
import { formatCount } from "@/components/traces/format";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { AllClear, SectionCard } from "./section-card";

export function breakerHref(service: string, breaker: string): string {
  return `/breakers/${encodeURIComponent(service)}/${encodeURIComponent(breaker)}`;
}

/** Breakers that are open or half-open, open ones first, with how long they have been so. */
export function BreakersSection({ breakers, severity, now, windowLabel }: { breakers: BreakersOverview; severity: Severity; now: Date; windowLabel: string }) {
  const hidden = breakers.open + breakers.halfOpen - breakers.notClosed.length;
  return (
    <SectionCard id="breakers" title="Circuit breakers not closed" severity={severity} more={{ href: "/breakers", label: "All breakers" }}>
      {breakers.notClosed.length === 0 ? (
        <AllClear testId="breakers-clear">
          {breakers.total === 0 ? "No circuit breaker has reported a state yet."
            : breakers.total === 1 ? "The one circuit breaker Flowdeck knows is closed." : `All ${formatCount(breakers.total)} circuit breakers are closed.`}
        </AllClear>
      ) : (
        <>
          <DataTable labelledBy="breakers" testId="overview-breakers">
            <thead>
              <tr><Th>Breaker</Th><Th>State</Th><Th align="right">For</Th><Th align="right">Failed calls, {windowLabel}</Th></tr>
            </thead>
            <tbody>
              {breakers.notClosed.map((b) => (
                <tr key={`${b.service}/${b.breaker}`} data-testid="overview-breaker-row" data-state={b.state}>
                  <Td>
                    <Link href={breakerHref(b.service, b.breaker)} className="text-accent hover:underline [overflow-wrap:anywhere]">
                      <span className="text-muted">{b.service} /</span> {b.breaker}
                    </Link>
                  </Td>
                  <Td><Badge tone={b.state === "open" ? "bad" : "warn"}>{b.state === "half_open" ? "half-open" : b.state}</Badge></Td>
                  <Td align="right" className="whitespace-nowrap" title={`since ${b.since.toISOString()}`}>{formatAge(now.getTime() - b.since.getTime())}</Td>
                  <Td align="right">{formatCount(b.failedCalls)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {hidden > 0 && <p className="text-xs text-muted">and {formatCount(hidden)} more on the breakers page.</p>}
        </>
      )}
    </SectionCard>
  );
}
