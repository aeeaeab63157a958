import Link from "next/link";
import type { RedriveItemView } from "@/lib/dlq";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";

const STATUS_TONE: Record<RedriveItemView["status"], Tone> = { pending: "neutral", sending: "accent", sent: "ok", failed: "bad", skipped: "warn", cancelled: "neutral" };
const OUTCOME: Record<NonNullable<RedriveItemView["outcome"]>, { tone: Tone; label: string; title: string }> = {
  "processed": { tone: "ok", label: "processed", title: "A consumer span under the redrive span ended OK" },
  "failed-again": { tone: "bad", label: "failed again", title: "Every consumer span under the redrive span failed" },
  "not-seen": { tone: "neutral", label: "not seen yet", title: "No consumer span under the redrive span has reached the trace store" },
};

/** A job's ledger: each message, where it landed, and what its consumer did with it. */
export function JobItemsTable({ items, sourceHref }: { items: RedriveItemView[]; sourceHref: (item: RedriveItemView) => string }) {
  return (
    <DataTable labelledBy="job-items-heading" testId="job-items">
      <thead>
        <tr>
          <Th>Message</Th>
          <Th>Status</Th>
          <Th>Sent to</Th>
          <Th>Consumer</Th>
          <Th>Why</Th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow colSpan={5}>No messages here.</EmptyRow>}
        {items.map((item) => (
          <tr key={item.id} data-testid="job-item-row">
            <Td className="font-mono text-xs whitespace-nowrap"><Link href={sourceHref(item)} className="text-accent hover:underline">p{item.partition} · @{item.offset}</Link></Td>
            <Td><Badge tone={STATUS_TONE[item.status]}>{item.status}</Badge></Td>
            <Td className="font-mono text-xs">
              {item.targetTopic}{item.targetPartition !== null && ` · p${item.targetPartition} · @${item.targetOffset}`}
            </Td>
            <Td>
              {item.outcome && (
                <span className="flex items-center gap-2">
                  <Badge tone={OUTCOME[item.outcome].tone} title={OUTCOME[item.outcome].title}>{OUTCOME[item.outcome].label}</Badge>
                  {item.outcome !== "not-seen" && item.traceId && <Link href={`/traces/${item.traceId}`} className="text-xs text-accent hover:underline">trace</Link>}
                </span>
              )}
            </Td>
            <Td className="max-w-md text-xs [overflow-wrap:anywhere]">
              {item.errorCode && <span className="font-mono">{item.errorCode}</span>}{item.error && <span className="text-muted"> · {item.error}</span>}
              {item.consumerError && <span className="text-bad">{item.consumerError}</span>}
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
