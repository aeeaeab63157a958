import Link from "next/link";
import type { SagaDlqMessage } from "@/lib/sagas/queries";
import { browseHref } from "@/components/dlq/browse-url";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { Time } from "@/components/time/time";

const STATUS_TONE: Record<string, Tone> = { pending: "bad", redriven: "ok", discarded: "neutral", expired: "warn" };

/** The saga's dead letters; each opens in the DLQ browser's drawer, whatever its disposition. */
export function SagaDlqTable({ messages, labelledBy }: { messages: SagaDlqMessage[]; labelledBy: string }) {
  return (
    <DataTable labelledBy={labelledBy} testId="saga-dlq-messages">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>DLQ topic</Th>
          <Th>Original topic</Th>
          <Th>Error</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {messages.length === 0 && <EmptyRow colSpan={5}>No dead letter is tied to this saga (by its saga id or its traces).</EmptyRow>}
        {messages.map((m) => (
          <tr key={`${m.cluster}/${m.topic}/${String(m.partition)}:${m.offset}`} data-testid="saga-dlq-row">
            <Td className="whitespace-nowrap">
              <Link href={browseHref(m.cluster, m.topic, {}, { status: "any", msg: `${String(m.partition)}:${m.offset}` })} className="text-accent hover:underline">
                <Time value={m.timestamp.toISOString()} />
              </Link>
            </Td>
            <Td className="font-mono text-xs">{m.topic}<div className="text-muted">{m.cluster} · p{m.partition} · @{m.offset}</div></Td>
            <Td className="font-mono text-xs">{m.originalTopic ?? <span className="text-muted">–</span>}</Td>
            <Td className="max-w-md">
              <div className="font-mono text-xs [overflow-wrap:anywhere]">{m.errorType === "" ? "(no error type)" : m.errorType}</div>
              {m.errorMessage && <div className="truncate text-xs text-muted" title={m.errorMessage}>{m.errorMessage}</div>}
            </Td>
            <Td><Badge tone={STATUS_TONE[m.status] ?? "neutral"}>{m.status}</Badge></Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
