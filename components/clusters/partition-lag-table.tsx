import type { PartitionLag } from "@/lib/kafka";
import { Td, Th } from "@/components/ui/data-table";
import { formatCount, formatOffset } from "./format";

/** One group's committed offset against the high watermark, partition by partition. */
export function PartitionLagTable({ groupId, partitions }: { groupId: string; partitions: PartitionLag[] }) {
  return (
    <table aria-label={`Partition lag of ${groupId}`} className="w-full border-collapse text-[13px]">
      <thead>
        <tr>
          <Th>Topic</Th>
          <Th align="right">Partition</Th>
          <Th align="right">Committed</Th>
          <Th align="right">High watermark</Th>
          <Th align="right">Lag</Th>
        </tr>
      </thead>
      <tbody>
        {partitions.map((p) => (
          <tr key={`${p.topic}:${p.partition}`}>
            <Td className="min-w-36 font-mono wrap-anywhere">{p.topic}</Td>
            <Td align="right">{p.partition}</Td>
            <Td align="right">{p.committed === null ? <NotCommitted /> : formatOffset(p.committed)}</Td>
            <Td align="right">{formatOffset(p.high)}</Td>
            <Td align="right">{p.lag === null ? <NotCommitted /> : formatCount(p.lag)}</Td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NotCommitted() {
  return <span className="text-faint" title="The group has committed nothing on this partition yet">—</span>;
}
