import Link from "next/link";
import type { DlqErrorGroupRow } from "@/lib/dlq";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { formatCount } from "@/components/clusters/format";
import { MaskedBadge } from "./masked-badge";

/** Messages by error type; a group opens the messages of that error, except one whose error type is masked (its link would hold the value). */
export function ErrorGroupsTable({ groups, hrefOf }: { groups: DlqErrorGroupRow[]; hrefOf: (errorType: string) => string }) {
  return (
    <DataTable labelledBy="dlq-messages-heading" testId="dlq-error-groups">
      <thead>
        <tr>
          <Th>Error type</Th>
          <Th align="right">Messages</Th>
          <Th>First seen (UTC)</Th>
          <Th>Last seen (UTC)</Th>
        </tr>
      </thead>
      <tbody>
        {groups.length === 0 && <EmptyRow colSpan={4}>No message matches these filters.</EmptyRow>}
        {groups.map((g, i) => (
          <tr key={`${i}:${g.errorType}`} data-testid="dlq-error-group">
            <Td>
              {g.maskedBy.length > 0
                ? <span className="flex flex-wrap items-center gap-2"><span className="font-mono text-xs [overflow-wrap:anywhere]">{g.errorType}</span><MaskedBadge rules={g.maskedBy} /></span>
                : <Link href={hrefOf(g.errorType)} className="font-mono text-xs text-accent hover:underline [overflow-wrap:anywhere]">{g.errorType === "" ? "(no error type)" : g.errorType}</Link>}
            </Td>
            <Td align="right">{formatCount(g.count)}</Td>
            <Td className="whitespace-nowrap">{g.firstSeen.toISOString().replace("T", " ").slice(0, 19)}</Td>
            <Td className="whitespace-nowrap">{g.lastSeen.toISOString().replace("T", " ").slice(0, 19)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
