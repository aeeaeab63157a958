import Link from "next/link";
import { formatDurationMs } from "@/components/traces/format";
import type { GanttLayout, GanttRow, GanttTick } from "./gantt-layout";
import { traceSpanHref } from "./trace-span-href";

const LANE_TITLE = { action: "Actions", compensation: "Compensations" } as const;

function barClass(row: GanttRow): string {
  if (row.failed) return "bg-bad";
  return row.kind === "compensation" ? "bg-warn" : "bg-accent";
}

/**
 * The saga's steps on one time axis, one row per attempt: actions above, compensations in their own
 * lane below, failures in red with their error. Each bar opens its span in the trace view. Plain
 * HTML and CSS, rendered on the server: no chart code reaches the browser.
 */
export function SagaGantt({ layout }: { layout: GanttLayout }) {
  return (
    <div data-testid="saga-gantt" className="overflow-x-auto rounded-md border border-border bg-surface">
      <div className="min-w-[44rem]">
        <div className="grid grid-cols-[15rem_1fr] border-b border-border bg-surface-2 text-xs text-muted">
          <div className="px-3 py-1.5 font-medium">Step · service</div>
          <div className="relative h-7" aria-hidden="true">
            {layout.ticks.map((tick) => <TickLabel key={tick.offsetMs} tick={tick} />)}
          </div>
        </div>
        {layout.lanes.map((lane) => (
          <section key={lane.kind} aria-label={LANE_TITLE[lane.kind]} data-testid={`gantt-lane-${lane.kind}`}>
            <h3 className={`border-b border-border px-3 py-1 text-xs font-semibold ${lane.kind === "compensation" ? "bg-warn-soft text-warn" : "text-muted"}`}>
              {LANE_TITLE[lane.kind]}
            </h3>
            <ol>
              {lane.rows.map((row) => <GanttRowView key={row.spanId} row={row} ticks={layout.ticks} />)}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}

function TickLabel({ tick }: { tick: GanttTick }) {
  const atEnd = tick.pct > 92;
  return (
    <span className="absolute top-1.5 whitespace-nowrap tabular-nums" style={atEnd ? { right: `${100 - tick.pct}%`, paddingRight: 4 } : { left: `${tick.pct}%`, paddingLeft: 4 }}>
      {tick.offsetMs === 0 ? "0" : `+${formatDurationMs(tick.offsetMs)}`}
    </span>
  );
}

function GanttRowView({ row, ticks }: { row: GanttRow; ticks: GanttTick[] }) {
  const attempt = row.attempts > 1 || row.attempt > 1 ? `attempt ${String(row.attempt)}` : null;
  const duration = formatDurationMs(row.durationMs);
  const labelAfter = row.leftPct + row.widthPct < 78;
  const label = `${row.step}${attempt ? `, ${attempt}` : ""} on ${row.service}, ${duration}${row.failed ? ", failed" : ""}: open its span in the trace`;
  return (
    <li
      data-testid="gantt-row"
      data-step={row.step}
      data-kind={row.kind}
      data-attempt={row.attempt}
      data-failed={row.failed ? "true" : "false"}
      data-saga-failure={row.sagaFailure ? "true" : undefined}
      className={`grid grid-cols-[15rem_1fr] border-b border-border last:border-b-0 ${row.sagaFailure ? "bg-bad-soft" : ""}`}
    >
      <div className="min-w-0 px-3 py-1.5 text-sm">
        <div className="flex items-center gap-1.5">
          <span className={`truncate font-medium ${row.failed ? "text-bad" : ""}`} title={row.step}>{row.step}</span>
          {attempt && <span className="shrink-0 rounded bg-surface-2 px-1 text-xs text-muted" data-testid="gantt-attempt">{attempt}</span>}
        </div>
        <div className="truncate text-xs text-muted" title={row.service}>{row.service}</div>
      </div>
      <div className="relative min-h-10 py-1.5">
        {ticks.map((tick) => (
          <span key={tick.offsetMs} aria-hidden="true" className="absolute inset-y-0 border-l border-dashed border-border" style={{ left: `${tick.pct}%` }} />
        ))}
        <Link
          href={traceSpanHref(row.traceId, row.spanId)}
          aria-label={label}
          title={label}
          data-testid="gantt-bar"
          className={`absolute top-2 h-4 rounded-sm ${barClass(row)} ${row.sagaFailure ? "ring-2 ring-bad ring-offset-1 ring-offset-surface" : ""} hover:opacity-80`}
          style={{ left: `${row.leftPct}%`, width: `${row.widthPct}%` }}
        />
        <span
          aria-hidden="true"
          className="absolute top-1.5 text-xs whitespace-nowrap tabular-nums text-muted"
          style={labelAfter ? { left: `calc(${row.leftPct + row.widthPct}% + 6px)` } : { right: `calc(${100 - row.leftPct}% + 6px)` }}
        >
          {duration}
        </span>
        {row.failed && (
          <p data-testid="gantt-error" className="relative mt-5 text-xs text-bad [overflow-wrap:anywhere]">
            {row.sagaFailure && <span className="mr-1 font-semibold">Failed step:</span>}
            {row.error ?? "the span has status error but no message"}
          </p>
        )}
      </div>
    </li>
  );
}
