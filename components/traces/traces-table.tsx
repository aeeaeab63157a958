import Link from "next/link";
import type { TraceSummary } from "@/lib/traces/queries";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { Time } from "@/components/time/time";
import { formatCount, formatDurationMs, shortId } from "./format";
import { ServiceName } from "./service-name";
import { serviceColor } from "./service-color";

const MAX_SWATCHES = 8;

/** One row per trace, newest first; a trace with errors says how many, in red and in words. */
export function TracesTable({ traces, labelledBy }: { traces: TraceSummary[]; labelledBy: string }) {
  return (
    <DataTable labelledBy={labelledBy} testId="traces-table">
      <thead>
        <tr>
          <Th>Started</Th>
          <Th>Root operation</Th>
          <Th>Root service</Th>
          <Th align="right">Duration</Th>
          <Th align="right">Spans</Th>
          <Th align="right">Errors</Th>
          <Th>Services</Th>
        </tr>
      </thead>
      <tbody>
        {traces.map((trace) => (
          <tr key={trace.traceId} data-testid="trace-row" data-trace-id={trace.traceId} className={trace.errorCount > 0 ? "bg-bad-soft/40" : undefined}>
            <Td className="whitespace-nowrap"><Time value={trace.startTime} /></Td>
            <Td className="min-w-52">
              <Link href={`/traces/${trace.traceId}`} className="font-medium text-accent underline-offset-2 hover:underline">
                {trace.rootName}
              </Link>
              <span className="ml-2 font-mono text-xs text-faint" title={`Trace ${trace.traceId}`}>{shortId(trace.traceId)}</span>
            </Td>
            <Td><ServiceName name={trace.rootService} className="max-w-48" /></Td>
            <Td align="right" className="whitespace-nowrap">{formatDurationMs(trace.durationMs)}</Td>
            <Td align="right">{formatCount(trace.spanCount)}</Td>
            <Td align="right" className="whitespace-nowrap">
              {trace.errorCount > 0 ? (
                <Badge tone="bad" title={`${String(trace.errorCount)} span(s) with status error`}>
                  <span aria-hidden="true" className="mr-1">⚠</span>
                  {formatCount(trace.errorCount)} {trace.errorCount === 1 ? "error" : "errors"}
                </Badge>
              ) : (
                <span className="text-faint">0</span>
              )}
            </Td>
            <Td>
              <span className="flex items-center gap-2 text-[13px]" title={trace.services.join(", ")}>
                <span aria-hidden="true" className="flex shrink-0 -space-x-0.5">
                  {trace.services.slice(0, MAX_SWATCHES).map((service) => (
                    <span key={service} className="size-2.5 rounded-full ring-1 ring-surface" style={{ backgroundColor: serviceColor(service) }} />
                  ))}
                </span>
                <span className="shrink-0 tabular-nums">{trace.services.length}</span>
                {/* Names in full on wide screens; on narrower ones the swatches and count stay, the names in the title. */}
                <span className="sr-only text-muted 2xl:not-sr-only 2xl:max-w-64 2xl:truncate">{trace.services.join(", ")}</span>
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
