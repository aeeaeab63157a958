import Link from "next/link";
import type { DlqTopicSummary } from "@/lib/dlq";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { formatCount } from "@/components/clusters/format";
import { formatAge } from "./format-age";
import { MaskedBadge } from "./masked-badge";

/** The DLQ topics of one cluster: what is waiting, since when, how fast it grows, why, and how fresh the index is. */
export function DlqTopicsTable({ topics, now }: { topics: DlqTopicSummary[]; now: number }) {
  return (
    <DataTable labelledBy="dlq-topics-heading" testId="dlq-topics">
      <thead>
        <tr>
          <Th>Topic</Th>
          <Th align="right">Pending</Th>
          <Th align="right">Oldest pending</Th>
          <Th align="right">Last hour</Th>
          <Th>Top errors</Th>
          <Th align="right">Redriven · discarded · expired</Th>
          <Th align="right">Index behind</Th>
        </tr>
      </thead>
      <tbody>
        {topics.length === 0 && (
          <EmptyRow colSpan={7}>
            No dead-letter topics found yet. Flowdeck looks for topics named like the DLQ pattern every 30 seconds, and samples other
            topics for DLQ headers.
          </EmptyRow>
        )}
        {topics.map((t) => (
          <tr key={t.topic} data-testid="dlq-topic-row" data-topic={t.topic}>
            <Td>
              <Link href={`/dlq/${encodeURIComponent(t.cluster)}/${encodeURIComponent(t.topic)}`} className="font-mono text-xs text-accent hover:underline [overflow-wrap:anywhere]">{t.topic}</Link>
              {t.discoveredBy === "headers" && <span className="ml-2"><Badge tone="neutral" title="Found by the DLQ headers of its messages">by headers</Badge></span>}
              {t.gone && <span className="ml-2"><Badge tone="warn" title="The topic no longer exists on the cluster; its index is kept">deleted</Badge></span>}
            </Td>
            <Td align="right">
              <Badge tone={t.pending > 0 ? "bad" : "ok"} testId="dlq-pending">{formatCount(t.pending)}</Badge>
            </Td>
            <Td align="right" title={t.oldestPendingAt?.toISOString()}>{t.oldestPendingAt ? formatAge(now - t.oldestPendingAt.getTime()) : "—"}</Td>
            <Td align="right">{t.lastHour > 0 ? `+${formatCount(t.lastHour)}` : "0"}</Td>
            <Td>
              {t.topErrors.length === 0 ? <span className="text-muted">—</span> : (
                <ul className="flex min-w-64 flex-col gap-0.5">
                  {t.topErrors.map((e, i) => (
                    <li key={`${i}:${e.errorType}`} className="flex gap-2 text-xs">
                      {e.maskedBy.length > 0
                        ? <><span className="font-mono">{e.errorType}</span><MaskedBadge rules={e.maskedBy} /></>
                        : <Link href={`/dlq/${encodeURIComponent(t.cluster)}/${encodeURIComponent(t.topic)}?error=${encodeURIComponent(e.errorType)}`} className="font-mono hover:underline [overflow-wrap:anywhere]">{e.errorType === "" ? "(no error type)" : e.errorType}</Link>}
                      <span className="text-muted tabular-nums">{formatCount(e.pending)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td align="right" className="text-muted">{formatCount(t.redriven)} · {formatCount(t.discarded)} · {formatCount(t.expired)}</Td>
            <Td align="right" title={t.indexedAt ? `read ${formatAge(now - t.indexedAt.getTime())} ago` : "not read yet"}>
              {t.indexedAt === null ? <Badge tone="warn">not read yet</Badge> : t.indexLag > 0 ? <Badge tone="warn">{formatCount(t.indexLag)} msgs</Badge> : <span className="text-muted">up to date</span>}
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
