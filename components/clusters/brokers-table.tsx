import type { BrokerNode } from "@/lib/kafka";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";

export function BrokersTable({ cluster, brokers }: { cluster: string; brokers: BrokerNode[] }) {
  const headingId = `brokers-${cluster}-heading`;
  return (
    <Panel id={headingId} title="Brokers" count={brokers.length}>
      <DataTable labelledBy={headingId} testId={`brokers-${cluster}`}>
        <thead>
          <tr>
            <Th align="right" className="w-16">Node</Th>
            <Th>Address</Th>
            <Th>Role</Th>
          </tr>
        </thead>
        <tbody>
          {brokers.length === 0 && <EmptyRow colSpan={3}>The cluster reported no brokers.</EmptyRow>}
          {brokers.map((broker) => (
            <tr key={broker.nodeId}>
              <Td align="right">{broker.nodeId}</Td>
              <Td className="font-mono text-[13px]">{`${broker.host}:${broker.port}`}</Td>
              <Td>{broker.isController && <Badge tone="accent" title="This broker is the cluster's active controller">controller</Badge>}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </Panel>
  );
}
