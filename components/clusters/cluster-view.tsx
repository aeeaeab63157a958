import type { ClusterOverview } from "@/lib/kafka";
import { BrokersTable } from "./brokers-table";
import { ClusterCard } from "./cluster-card";
import { ClusterHeader } from "./cluster-header";
import { ClusterUnreachable } from "./cluster-unreachable";
import { ConsumerGroupsTable } from "./consumer-groups-table";
import { formatLatency } from "./format";
import { TopicsTable } from "./topics-table";

/** Everything about one cluster, or the red unreachable panel when it did not answer. */
export function ClusterView({ overview, checkedAt }: { overview: ClusterOverview; checkedAt: string }) {
  const { status } = overview;
  if (!status.up) {
    return (
      <ClusterCard name={status.name} down>
        <ClusterHeader name={status.name} up={false} facts={[]} checkedAt={checkedAt} />
        <ClusterUnreachable name={status.name} error={status.error} configuredBrokers={status.configuredBrokers} latencyMs={status.latencyMs} />
      </ClusterCard>
    );
  }
  const facts = [
    { label: "Latency", value: formatLatency(status.latencyMs) },
    { label: "Cluster ID", value: <span className="font-mono text-[13px]">{status.clusterId}</span> },
  ];
  return (
    <ClusterCard name={status.name}>
      <ClusterHeader name={status.name} up facts={facts} checkedAt={checkedAt} />
      <div className="grid gap-5 p-4 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-5">
          <TopicsTable cluster={status.name} topics={overview.topics} />
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <BrokersTable cluster={status.name} brokers={status.brokers} />
          <ConsumerGroupsTable cluster={status.name} groups={overview.groups} />
        </div>
      </div>
    </ClusterCard>
  );
}
