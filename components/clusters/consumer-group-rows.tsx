"use client";

import { useId, useState } from "react";
import type { GroupSummary } from "@/lib/kafka";
import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/data-table";
import { formatCount } from "./format";
import { groupStateTone } from "./group-state-tone";
import { PartitionLagTable } from "./partition-lag-table";

/** One group as its own <tbody>: the summary row, and its per-partition lag when expanded. */
export function ConsumerGroupRows({ group }: { group: GroupSummary }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const expandable = group.partitions.length > 0;
  return (
    <tbody>
      <tr>
        <Td>
          {expandable ? (
            <button
              type="button"
              aria-expanded={open}
              aria-controls={detailId}
              onClick={() => setOpen(!open)}
              className="group flex min-w-44 items-start gap-1.5 rounded text-left"
              title={open ? "Hide partition lag" : "Show partition lag"}
            >
              <Chevron />
              <span className="font-mono text-[13px] wrap-anywhere">{group.groupId}</span>
            </button>
          ) : (
            <span className="flex min-w-44 items-start gap-1.5" title="No committed offsets to break down">
              <span className="size-4 shrink-0" />
              <span className="font-mono text-[13px] wrap-anywhere">{group.groupId}</span>
            </span>
          )}
        </Td>
        <Td><Badge tone={groupStateTone(group.state)}>{group.state}</Badge></Td>
        <Td align="right">{formatCount(group.members)}</Td>
        <Td align="right">
          {group.totalLag === null ? <span className="text-faint" title="Nothing committed yet">—</span> : formatCount(group.totalLag)}
        </Td>
      </tr>
      {open && (
        <tr id={detailId}>
          <td colSpan={4} className="border-t border-border bg-canvas/60 px-3 py-2 pl-8">
            <PartitionLagTable groupId={group.groupId} partitions={group.partitions} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

function Chevron() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted transition-transform group-aria-expanded:rotate-90">
      <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
