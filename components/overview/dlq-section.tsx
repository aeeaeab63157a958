import Link from "next/link";
import type { DlqOverview } from "@/lib/overview";
import type { Severity } from "@/lib/overview/attention";
import { formatAge } from "@/components/dlq/format-age";
import { formatCount } from "@/components/traces/format";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { AllClear, SectionCard } from "./section-card";
import { Sparkline } from "./sparkline";

/** DLQ topics with messages waiting, most first, each with its last hour of arrivals. */
export function DlqSection({ dlq, severity, now, windowLabel }: { dlq: DlqOverview; severity: Severity; now: Date; windowLabel: string }) {
  const hidden = dlq.topicsWithPending - dlq.topics.length;
  // With the last hour as the window, the sparkline's total already says what arrived in it.
  const windowColumn = windowLabel !== "last hour";
  return (
    <SectionCard id="dlq" title="Dead letters pending" severity={severity} more={{ href: "/dlq", label: "All DLQ topics" }} wide={dlq.topics.length > 0}>
      {dlq.topics.length === 0 ? (
        <AllClear testId="dlq-clear">No dead letters pending in any DLQ topic.</AllClear>
      ) : (
        <>
          <p className="text-sm">
            <span className="font-semibold tabular-nums">{formatCount(dlq.totalPending)}</span> pending in {formatCount(dlq.topicsWithPending)} {dlq.topicsWithPending === 1 ? "topic" : "topics"}
          </p>
          <DataTable labelledBy="dlq" testId="overview-dlq-topics">
            <thead>
              <tr><Th>Topic</Th><Th align="right">Pending</Th><Th align="right">Oldest</Th><Th>Last hour</Th>{windowColumn && <Th align="right">New, {windowLabel}</Th>}</tr>
            </thead>
            <tbody>
              {dlq.topics.map((t) => {
                const lastHour = t.lastHour.reduce((a, b) => a + b, 0);
                return (
                  <tr key={`${t.cluster}/${t.topic}`} data-testid="overview-dlq-row" data-topic={t.topic}>
                    <Td>
                      <Link href={`/dlq/${encodeURIComponent(t.cluster)}/${encodeURIComponent(t.topic)}`} className="font-mono text-xs text-accent hover:underline [overflow-wrap:anywhere]">{t.topic}</Link>
                      <span className="ml-1.5 text-xs text-faint">{t.cluster}</span>
                    </Td>
                    <Td align="right"><Badge tone="bad">{formatCount(t.pending)}</Badge></Td>
                    <Td align="right" className="whitespace-nowrap" title={t.oldestPendingAt?.toISOString()}>{t.oldestPendingAt ? formatAge(now.getTime() - t.oldestPendingAt.getTime()) : "—"}</Td>
                    <Td>
                      <span className="flex items-center gap-2">
                        <Sparkline counts={t.lastHour} tone={lastHour > 0 ? "bad" : "muted"} label={`${formatCount(lastHour)} arrived in the last hour`} />
                        <span className="text-xs tabular-nums text-muted">+{formatCount(lastHour)}</span>
                      </span>
                    </Td>
                    {windowColumn && <Td align="right">{formatCount(t.arrivedInWindow)}</Td>}
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          {hidden > 0 && <p className="text-xs text-muted">and {formatCount(hidden)} more {hidden === 1 ? "topic" : "topics"} on the DLQ page.</p>}
        </>
      )}
    </SectionCard>
  );
}
