import type { GroupSummary } from "@/lib/kafka";
import { DataTable, EmptyRow, Th } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { ConsumerGroupRows } from "./consumer-group-rows";

export function ConsumerGroupsTable({ cluster, groups }: { cluster: string; groups: GroupSummary[] }) {
  const headingId = `groups-${cluster}-heading`;
  return (
    <Panel id={headingId} title="Consumer groups" count={groups.length}>
      <DataTable labelledBy={headingId} testId={`groups-${cluster}`}>
        <thead>
          <tr>
            <Th>Group</Th>
            <Th>State</Th>
            <Th align="right">Members</Th>
            <Th align="right">Total lag</Th>
          </tr>
        </thead>
        {groups.length === 0 && (
          <tbody>
            <EmptyRow colSpan={4}>No consumer groups.</EmptyRow>
          </tbody>
        )}
        {groups.map((group) => (
          <ConsumerGroupRows key={group.groupId} group={group} />
        ))}
      </DataTable>
    </Panel>
  );
}
