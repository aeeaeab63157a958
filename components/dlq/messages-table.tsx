import Link from "next/link";
import type { DlqMessageListItem } from "@/lib/dlq";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { MaskedBadge } from "./masked-badge";
import { SELECTION_FORM } from "./selection-form-id";

const STATUS_TONE: Record<string, Tone> = { pending: "bad", redriven: "ok", discarded: "neutral", expired: "warn" };

/**
 * One page of a DLQ's messages; a row opens the message drawer, and pending ones can be ticked for a
 * redrive or discard of the selection. Everything from a message is text.
 */
export function MessagesTable({ items, hrefOf }: { items: DlqMessageListItem[]; hrefOf: (item: DlqMessageListItem) => string }) {
  return (
    <DataTable labelledBy="dlq-messages-heading" testId="dlq-messages">
      <thead>
        <tr>
          <Th><span className="sr-only">Select</span></Th>
          <Th>Time (UTC)</Th>
          <Th>Key</Th>
          <Th>Original topic</Th>
          <Th>Error</Th>
          <Th align="right">Attempts</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow colSpan={7}>No message matches these filters.</EmptyRow>}
        {items.map((m) => (
          <tr key={`${m.partition}:${m.offset}`} data-testid="dlq-message-row" data-offset={`${m.partition}:${m.offset}`}>
            <Td className="w-8">
              {m.status === "pending" && <input type="checkbox" form={SELECTION_FORM} name="position" value={`${m.partition}:${m.offset}`} aria-label={`Select p${m.partition} @${m.offset}`} />}
            </Td>
            <Td className="whitespace-nowrap">
              <Link href={hrefOf(m)} scroll={false} className="text-accent hover:underline">{m.timestamp.toISOString().replace("T", " ").slice(0, 23)}</Link>
              <div className="text-xs text-muted">p{m.partition} · @{m.offset}</div>
            </Td>
            <Td className="max-w-48 truncate font-mono text-xs" title={m.keyText ?? (m.keyHex ? `0x${m.keyHex}` : undefined)}>{m.keyText ?? (m.keyHex ? <span title="binary key, shown as hex">0x{m.keyHex}</span> : <span className="text-muted">—</span>)}</Td>
            <Td className="font-mono text-xs">{m.originalTopic ?? <span className="text-muted">—</span>} <MaskedBadge rules={m.masked.originalTopic} /></Td>
            <Td className="max-w-md">
              <div className="font-mono text-xs [overflow-wrap:anywhere]">{m.errorType === "" ? "(no error type)" : m.errorType} <MaskedBadge rules={m.masked.errorType} /></div>
              {m.errorMessage && <div className="truncate text-xs text-muted" title={m.errorMessage}>{m.errorMessage}</div>}
              <MaskedBadge rules={m.masked.errorMessage} />
            </Td>
            <Td align="right">{m.attempts ?? "—"}</Td>
            <Td><Badge tone={STATUS_TONE[m.status] ?? "neutral"}>{m.status}</Badge></Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
