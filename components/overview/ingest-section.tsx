import type { IngestHealth } from "@/lib/overview";
import type { Severity } from "@/lib/overview/attention";
import { formatAge } from "@/components/dlq/format-age";
import { formatCount } from "@/components/traces/format";
import { SectionCard } from "./section-card";

function formatRate(perSecond: number): string {
  if (perSecond === 0) return "0";
  if (perSecond < 0.1) return "< 0.1";
  if (perSecond < 10) return perSecond.toFixed(1);
  return formatCount(Math.round(perSecond));
}

function Figure({ label, value, note, tone, testId }: { label: string; value: string; note?: string; tone?: "bad" | "warn"; testId: string }) {
  return (
    <div data-testid={testId} className="flex min-w-0 flex-col">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone === "bad" ? "text-bad" : tone === "warn" ? "text-warn" : ""}`}>{value}</dd>
      {note && <dd className="text-xs text-muted">{note}</dd>}
    </div>
  );
}

/** Whether spans are arriving, being refused, and how far the sagas and breakers derived from them lag. */
export function IngestSection({ ingest, severity, now }: { ingest: IngestHealth; severity: Severity; now: Date }) {
  const lag = Math.round(ingest.projectionLagSeconds);
  const rejectedRecent = ingest.rejected.recent;
  return (
    <SectionCard id="ingest" title="Ingest" severity={severity} more={{ href: "/traces", label: "Traces" }}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure testId="ingest-rate" label="Spans stored per second" value={formatRate(ingest.spansPerSecond)} note="over the last minute" />
        <Figure testId="ingest-last-span" label="Last span stored" value={ingest.lastSpanAt ? `${formatAge(now.getTime() - ingest.lastSpanAt.getTime())} ago` : "never"} />
        <Figure testId="ingest-rejected" label="Spans rejected" tone={rejectedRecent ? "warn" : undefined}
          value={rejectedRecent === null ? formatCount(ingest.rejected.sinceStart) : formatCount(rejectedRecent)}
          note={rejectedRecent === null
            ? `since this server started, of ${formatCount(ingest.rejected.received)} received`
            : `lately (up to 10 min); ${formatCount(ingest.rejected.sinceStart)} since this server started`} />
        <Figure testId="ingest-projection-lag" label="Projections behind" value={lag === 0 ? "caught up" : `${formatCount(lag)} s`}
          tone={lag >= 60 ? "bad" : lag >= 5 ? "warn" : undefined} note="sagas, breakers and flows" />
      </dl>
    </SectionCard>
  );
}
