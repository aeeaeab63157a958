import type { BulkheadSummary } from "@/lib/breakers/queries";
import { formatPerMinute, ROLLING_MINUTES } from "@/lib/breakers/call-rates";
import { Time } from "@/components/time/time";
import { ServiceName } from "@/components/traces/service-name";
import { DataTable, EmptyRow, Th, Td } from "@/components/ui/data-table";

/** Bulkheads: admitted and rejected calls over the window, and when each last filled up. */
export function BulkheadsTable({ bulkheads, labelledBy }: { bulkheads: BulkheadSummary[]; labelledBy: string }) {
  return (
    <DataTable labelledBy={labelledBy} testId="bulkheads-table">
      <thead>
        <tr>
          <Th>Service</Th>
          <Th>Bulkhead</Th>
          <Th align="right">Admitted</Th>
          <Th align="right">Rejected</Th>
          <Th align="right"><span title={`Rejections per minute over the last ${ROLLING_MINUTES} minutes of the window`}>Rejected ({ROLLING_MINUTES} min)</span></Th>
          <Th><span title="From the last bulkhead.saturation span event in the window; spans do not report how full a bulkhead is now">Last full (in flight / limit)</span></Th>
        </tr>
      </thead>
      <tbody>
        {bulkheads.length === 0 && <EmptyRow colSpan={6}>No call carried bulkhead.name and bulkhead.outcome in this window.</EmptyRow>}
        {bulkheads.map((b) => (
          <tr key={`${b.service}/${b.name}`} data-testid="bulkhead-row">
            <Td><ServiceName name={b.service} /></Td>
            <Td className="font-medium">{b.name}</Td>
            <Td align="right">{b.admitted.toLocaleString("en-US")}</Td>
            <Td align="right" className={b.rejected > 0 ? "text-bad" : ""}>{b.rejected.toLocaleString("en-US")}</Td>
            <Td align="right">{formatPerMinute(b.rejectedPerMinute)}</Td>
            <Td>
              {b.lastSaturation ? (
                <span className="inline-flex gap-2">
                  <span className="tabular-nums">{b.lastSaturation.inFlight ?? "?"} / {b.lastSaturation.limit ?? "?"}</span>
                  <Time value={b.lastSaturation.at.toISOString()} format="time" className="text-muted" />
                </span>
              ) : <span className="text-muted">not full in this window</span>}
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
