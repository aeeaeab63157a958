import Link from "next/link";
import type { BoardBreaker } from "@/lib/breakers/queries";
import { groupByService } from "@/lib/breakers/board-order";
import { formatPercent, formatPerMinute, ROLLING_MINUTES } from "@/lib/breakers/call-rates";
import { Sparkline } from "@/components/charts/sparkline";
import { formatAge } from "@/components/dlq/format-age";
import { ServiceName } from "@/components/traces/service-name";
import { DataTable, Th, Td } from "@/components/ui/data-table";
import { BreakerStateBadge } from "./breaker-state-badge";
import { breakerHref } from "./breaker-href";

const COLUMNS = 6;

/** Every breaker, grouped by service, the ones not closed first; rates are over the last minutes of the window. */
export function BreakersBoard({ breakers, now, windowQuery, labelledBy }: { breakers: BoardBreaker[]; now: Date; windowQuery: string; labelledBy: string }) {
  return (
    <DataTable labelledBy={labelledBy} testId="breakers-board">
      <thead>
        <tr>
          <Th>Breaker</Th>
          <Th>State</Th>
          <Th align="right">In state for</Th>
          <Th align="right"><span title={`Guarded calls per minute over the last ${ROLLING_MINUTES} minutes of the window`}>Calls ({ROLLING_MINUTES} min)</span></Th>
          <Th align="right"><span title="Share of calls that failed, timed out, were rejected by the open breaker or answered by a fallback">Errors</span></Th>
          <Th>Calls and errors over the window</Th>
        </tr>
      </thead>
      {groupByService(breakers).map((group) => (
        <tbody key={group.service} data-testid="breakers-service">
          <tr>
            <th scope="rowgroup" colSpan={COLUMNS} className="border-t border-border bg-surface px-3 pt-3 pb-1 text-left text-xs font-semibold">
              <ServiceName name={group.service} />
            </th>
          </tr>
          {group.breakers.map((b) => (
            <tr key={b.name} data-testid="breaker-row" data-breaker={b.name} data-service={b.service} data-state={b.state ?? "unknown"}>
              <Td className="pl-7 font-medium">
                {/* No prefetch: hundreds of rows would pull the breaker page's chart code into the board's load. */}
                <Link href={breakerHref(b.service, b.name, windowQuery)} prefetch={false} className="hover:text-accent hover:underline">{b.name}</Link>
              </Td>
              <Td><BreakerStateBadge state={b.state} testId="breaker-state" /></Td>
              <Td align="right" className="text-muted">{b.since ? formatAge(now.getTime() - b.since.getTime()) : "—"}</Td>
              <Td align="right">{formatPerMinute(b.rolling.callsPerMinute)}</Td>
              <Td align="right" className={b.rolling.errorPercent !== null && b.rolling.errorPercent >= 50 ? "font-medium text-bad" : ""}>
                {formatPercent(b.rolling.errorPercent)}
              </Td>
              <Td>
                <Sparkline
                  title={`${b.series.reduce((n, p) => n + p.calls, 0).toLocaleString("en-US")} calls, ${b.series.reduce((n, p) => n + p.errors, 0).toLocaleString("en-US")} errors over the window`}
                  series={[
                    { label: "calls", values: b.series.map((p) => p.calls), className: "text-accent", fill: true },
                    { label: "errors", values: b.series.map((p) => p.errors), className: "text-bad" },
                  ]}
                />
              </Td>
            </tr>
          ))}
        </tbody>
      ))}
    </DataTable>
  );
}
