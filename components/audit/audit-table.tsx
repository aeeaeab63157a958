import type { AuditEventRow } from "@/lib/audit";
import { Time } from "@/components/time/time";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";

const OUTCOME_TONE: Record<string, Tone | undefined> = { ok: "ok", denied: "warn", failed: "bad" };

/** The details as JSON text, indented when long; a reason, when there is one, leads in quotes. */
function DetailsText({ details }: { details: Record<string, unknown> }) {
  const { reason, ...rest } = details;
  const json = Object.keys(rest).length === 0 ? "" : JSON.stringify(rest);
  return (
    <>
      {typeof reason === "string" && <p className="mb-0.5">“{reason}”</p>}
      {json !== "" && <code className="block whitespace-pre-wrap font-mono text-[11px] text-muted [overflow-wrap:anywhere]">{json}</code>}
    </>
  );
}

export function AuditTable({ events, labelledBy, emptyText }: { events: AuditEventRow[]; labelledBy: string; emptyText: string }) {
  return (
    <DataTable labelledBy={labelledBy} testId="audit-events">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <tbody>
        {events.length === 0 && <EmptyRow colSpan={6}>{emptyText}</EmptyRow>}
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-event" data-action={e.action} data-actor={e.actor}>
            <Td className="whitespace-nowrap"><Time value={e.at.toISOString()} /></Td>
            <Td className="whitespace-nowrap">{e.actor}</Td>
            <Td className="font-mono text-xs">{e.action}</Td>
            <Td className="font-mono text-xs [overflow-wrap:anywhere]">{e.target}</Td>
            <Td><Badge tone={OUTCOME_TONE[e.outcome] ?? "neutral"}>{e.outcome}</Badge></Td>
            <Td className="max-w-xl text-xs"><DetailsText details={e.details} /></Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
