"use client";

import { useId, useState } from "react";
import type { TopicSummary } from "@/lib/kafka";
import { DataTable, EmptyRow, Th } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { TopicRow } from "./topic-row";

/** The cluster's topics; Kafka's internal ones (__consumer_offsets…) stay hidden unless asked for. */
export function TopicsTable({ cluster, topics }: { cluster: string; topics: TopicSummary[] }) {
  const [showInternal, setShowInternal] = useState(false);
  const checkboxId = useId();
  const headingId = `topics-${cluster}-heading`;
  const own = topics.filter((t) => !t.internal);
  const internal = topics.filter((t) => t.internal);
  const shown = showInternal ? [...own, ...internal] : own;

  const toggle = internal.length > 0 && (
    <label htmlFor={checkboxId} className="flex cursor-pointer items-center gap-1.5 text-xs text-muted select-none">
      <input id={checkboxId} type="checkbox" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} className="accent-accent" />
      Show internal topics ({internal.length})
    </label>
  );

  return (
    <Panel id={headingId} title="Topics" count={own.length} actions={toggle}>
      <DataTable labelledBy={headingId} testId={`topics-${cluster}`}>
        <thead>
          <tr>
            <Th>Topic</Th>
            <Th align="right">Partitions</Th>
            <Th align="right">Messages</Th>
            <Th align="right">Size</Th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && <EmptyRow colSpan={4}>No topics yet.</EmptyRow>}
          {shown.map((topic) => (
            <TopicRow key={topic.name} topic={topic} />
          ))}
        </tbody>
      </DataTable>
    </Panel>
  );
}
