// Plain, serialisable shapes (offsets as decimal strings) so server components can hand them to the browser.
export type BrokerNode = { nodeId: number; host: string; port: number; isController: boolean };

export type TopicSummary = {
  name: string;
  partitions: number;
  /** Sum over partitions of high minus low watermark: the messages the topic holds now. */
  messages: number;
  /** kafkajs cannot ask brokers for log-dir sizes (DescribeLogDirs), so this is always null: shown as "n/a". */
  sizeBytes: number | null;
  internal: boolean;
  isDlq: boolean;
};

export type PartitionLag = { topic: string; partition: number; committed: string | null; high: string; lag: number | null };

export type GroupSummary = {
  groupId: string;
  state: string;
  members: number;
  /** Sum of known lags; null when the group has committed nothing yet. */
  totalLag: number | null;
  partitions: PartitionLag[];
};

export type ClusterStatus =
  | { name: string; up: true; latencyMs: number; clusterId: string; brokers: BrokerNode[] }
  | { name: string; up: false; latencyMs: number; error: string; configuredBrokers: string[] };

export type ClusterOverview = { status: ClusterStatus; topics: TopicSummary[]; groups: GroupSummary[] };
