import type { RetrySummary } from "@/lib/breakers/queries";
import { ServiceName } from "@/components/traces/service-name";
import { DataTable, EmptyRow, Th, Td } from "@/components/ui/data-table";

/** Consumer attempts per topic over the window, and how many gave up (and so went to the dead-letter queue). */
export function RetriesTable({ retries, labelledBy }: { retries: RetrySummary[]; labelledBy: string }) {
  return (
    <DataTable labelledBy={labelledBy} testId="retries-table">
      <thead>
        <tr>
          <Th>Consumer</Th>
          <Th>Topic</Th>
          <Th align="right"><span title="Spans with retry.attempt, first tries included">Attempts</span></Th>
          <Th align="right"><span title="Attempts with retry.exhausted: the last before the message went to the DLQ">To DLQ</span></Th>
        </tr>
      </thead>
      <tbody>
        {retries.length === 0 && <EmptyRow colSpan={4}>No consumer attempt carried retry.attempt in this window.</EmptyRow>}
        {retries.map((r) => (
          <tr key={`${r.service}/${r.topic}`} data-testid="retry-row">
            <Td><ServiceName name={r.service} /></Td>
            <Td className="font-mono text-[13px]">{r.topic}</Td>
            <Td align="right">{r.attempts.toLocaleString("en-US")}</Td>
            <Td align="right" className={r.exhausted > 0 ? "font-medium text-bad" : ""}>{r.exhausted.toLocaleString("en-US")}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
