import Link from "next/link";
import type { SagaListRow } from "@/lib/sagas/queries";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { Time } from "@/components/time/time";
import { formatCount } from "@/components/traces/format";
import { sagaDuration } from "./saga-duration";
import { SagaStatusBadge } from "./saga-status-badge";
import { sagaHref } from "./sagas-url";

const PROBLEM = new Set(["failed", "stuck"]);

/** One row per saga, newest first; a failed or stuck one is tinted, and says where it failed and why. */
export function SagasTable({ sagas, labelledBy, now }: { sagas: SagaListRow[]; labelledBy: string; now: Date }) {
  return (
    <DataTable labelledBy={labelledBy} testId="sagas-table">
      <thead>
        <tr>
          <Th>Saga</Th>
          <Th>Key</Th>
          <Th>Status</Th>
          <Th align="right">Duration</Th>
          <Th>Current step</Th>
          <Th>Started</Th>
        </tr>
      </thead>
      <tbody>
        {sagas.map((saga) => (
          <tr key={saga.id} data-testid="saga-row" data-saga-id={saga.id} data-status={saga.status} className={PROBLEM.has(saga.status) ? "bg-bad-soft/40" : undefined}>
            <Td className="max-w-44">
              <Link href={sagaHref(saga.id)} title={`Saga ${saga.id}`} className="block truncate font-medium text-accent underline-offset-2 hover:underline">
                {saga.name === "" ? "(unnamed)" : saga.name}
              </Link>
            </Td>
            <Td className="max-w-32 truncate font-mono text-[13px]" title={saga.key ?? undefined}>{saga.key ?? <span className="text-faint">–</span>}</Td>
            <Td className="whitespace-nowrap"><SagaStatusBadge status={saga.status} /></Td>
            <Td align="right" className="whitespace-nowrap">{sagaDuration(saga, now)}</Td>
            <Td className="max-w-48">
              <span className="block truncate" title={saga.currentStep ?? undefined}>
                {saga.currentStep ?? <span className="text-faint">–</span>}
                <span className="ml-1.5 text-xs text-faint">{formatCount(saga.stepCount)} {saga.stepCount === 1 ? "step" : "steps"}</span>
              </span>
              {saga.failedStep && (
                <span className="block truncate text-xs text-bad" title={saga.error ?? undefined}>
                  failed at {saga.failedStep}{saga.error ? `: ${saga.error}` : ""}
                </span>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              <Time value={saga.startedAt.toISOString()} />
              <span className="block text-xs text-muted">last progress <Time value={saga.lastProgressAt.toISOString()} format="time" /></span>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
