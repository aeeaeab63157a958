import type { AuditEventRow } from "@/lib/audit";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";

const OUTCOME_TONE: Record<string, Tone | undefined> = { ok: "ok", denied: "warn", failed: "bad" };

/** The details of an event in a line: its reason first, then the rest as key=value. */
function summary(details: Record<string, unknown>): string {
  const { reason, ...rest } = details;
  const parts = Object.entries(rest).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [typeof reason === "string" ? `“${reason}”` : null, ...parts].filter(Boolean).join(" · ");
}

export function AuditTable({ events }: { events: AuditEventRow[] }) {
  return (
    <DataTable labelledBy="audit-heading" testId="audit-events">
      <thead>
        <tr>
          <Th>Time (UTC)</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <tbody>
        {events.length === 0 && <EmptyRow colSpan={6}>Nothing recorded yet: redrives and discards appear here.</EmptyRow>}
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-event" data-action={e.action}>
            <Td className="whitespace-nowrap">{e.at.toISOString().replace("T", " ").slice(0, 19)}</Td>
            <Td>{e.actor}</Td>
            <Td className="font-mono text-xs">{e.action}</Td>
            <Td className="font-mono text-xs [overflow-wrap:anywhere]">{e.target}</Td>
            <Td><Badge tone={OUTCOME_TONE[e.outcome] ?? "neutral"}>{e.outcome}</Badge></Td>
            <Td className="max-w-xl text-xs [overflow-wrap:anywhere]">{summary(e.details)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
