import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/time/time";
import { formatCount, formatDurationUs } from "./format";
import { ServiceName } from "./service-name";
import type { WaterfallModel } from "./waterfall-model";

type Props = { traceId: string; model: WaterfallModel; startTime: string; capped: { cap: number; totalSpans: number } | null };

/** The trace in one line of facts, the services' colours, and anything it is missing. */
export function TraceSummary({ traceId, model, startTime, capped }: Props) {
  const facts = [
    { label: "Started", value: <Time value={startTime} /> },
    { label: "Duration", value: formatDurationUs(model.totalUs) },
    { label: "Spans", value: formatCount(model.rows.length) },
    { label: "Services", value: formatCount(model.services.length) },
  ];
  return (
    <div className="mb-4 flex flex-col gap-2">
      <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted">Trace ID</dt>
          <dd><code className="font-mono text-[13px] select-all" data-testid="trace-id">{traceId}</code></dd>
        </div>
        {facts.map((fact) => (
          <div key={fact.label} className="flex gap-1.5">
            <dt className="text-muted">{fact.label}</dt>
            <dd className="tabular-nums">{fact.value}</dd>
          </div>
        ))}
        <div className="flex gap-1.5">
          <dt className="sr-only">Errors</dt>
          <dd>
            {model.errorCount > 0 ? (
              <Badge tone="bad"><span aria-hidden="true" className="mr-1">⚠</span>{formatCount(model.errorCount)} {model.errorCount === 1 ? "span failed" : "spans failed"}</Badge>
            ) : (
              <Badge tone="ok">No errors</Badge>
            )}
          </dd>
        </div>
      </dl>
      <ul aria-label="Services in this trace" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {model.services.map((service) => <li key={service}><ServiceName name={service} /></li>)}
      </ul>
      {(capped !== null || model.orphanCount > 0 || model.duplicateCount > 0) && (
        <ul className="flex flex-col gap-1 text-sm">
          {capped !== null && (
            <li className="rounded-md border border-warn/40 bg-warn-soft px-3 py-1.5 text-warn" data-testid="trace-capped">
              This trace has {formatCount(capped.totalSpans)} spans; only the first {formatCount(capped.cap)} by start time are shown.
            </li>
          )}
          {model.orphanCount > 0 && (
            <li className="text-muted">
              {formatCount(model.orphanCount)} {model.orphanCount === 1 ? "span names a parent" : "spans name a parent"} that was not received (sampled away, still in flight, or lost); {model.orphanCount === 1 ? "it is" : "they are"} shown at the top level, marked “parent not received”.
            </li>
          )}
          {model.duplicateCount > 0 && <li className="text-muted">{formatCount(model.duplicateCount)} spans were received twice with different start times; the earlier copy is shown.</li>}
        </ul>
      )}
    </div>
  );
}
