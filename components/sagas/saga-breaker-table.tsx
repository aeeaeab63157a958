import Link from "next/link";
import type { SagaBreakerEvent } from "@/lib/sagas/queries";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { Time } from "@/components/time/time";
import { traceSpanHref } from "./trace-span-href";

const STATE_TONE: Record<string, Tone> = { closed: "ok", open: "bad", half_open: "warn" };

function State({ state }: { state: string | null }) {
  return state === null ? <span className="text-muted">–</span> : <Badge tone={STATE_TONE[state] ?? "neutral"}>{state.replace("_", "-")}</Badge>;
}

/** Breaker changes on the saga's services around its run, in time order; a row marks those inside the saga itself. */
export function SagaBreakerTable({ events, labelledBy, from, to }: { events: SagaBreakerEvent[]; labelledBy: string; from: Date; to: Date }) {
  return (
    <DataTable labelledBy={labelledBy} testId="saga-breaker-events">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Service</Th>
          <Th>Breaker</Th>
          <Th>Change</Th>
          <Th>When</Th>
        </tr>
      </thead>
      <tbody>
        {events.length === 0 && <EmptyRow colSpan={5}>No breaker of these services changed state during the saga or a minute either side.</EmptyRow>}
        {events.map((e) => {
          const when = e.at < from ? "before the saga" : e.at > to ? "after the saga" : "during the saga";
          return (
            <tr key={`${e.service}/${e.breaker}/${e.spanId}/${e.at.toISOString()}/${e.toState}`} data-testid="saga-breaker-row" className={when === "during the saga" && e.toState !== "closed" ? "bg-warn-soft/50" : undefined}>
              <Td className="whitespace-nowrap"><Link href={traceSpanHref(e.traceId, e.spanId)} className="text-accent hover:underline"><Time value={e.at.toISOString()} /></Link></Td>
              <Td>{e.service}</Td>
              <Td className="font-mono text-xs">{e.breaker}</Td>
              <Td className="whitespace-nowrap"><State state={e.fromState} /> <span aria-hidden="true">→</span><span className="sr-only">to</span> <State state={e.toState} /></Td>
              <Td className="text-muted">{when}</Td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
