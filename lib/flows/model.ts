// The shapes the flow map is built from: totals per edge over the window, DLQ topics, breaker states and
// consumer lag. Plain data, so the graph code stays pure and the browser gets serialisable props.

export type FlowDirection = "produce" | "consume";

/** One edge's messages and errors summed over the window (from flow_edge_minutes). */
export type EdgeTotal = {
  cluster: string;
  topic: string;
  direction: FlowDirection;
  service: string;
  /** The consumer group of a consume edge; "" for produce edges and consumers that name none. */
  consumerGroup: string;
  count: number;
  errors: number;
};

/** A DLQ topic Flowdeck indexes, with the topic its messages came from when known. */
export type DlqTopicInfo = {
  cluster: string;
  topic: string;
  /** From the newest indexed message's original topic, else from the DLQ naming convention; null when neither says. */
  sourceTopic: string | null;
  /** Messages that arrived in the DLQ during the window. */
  arrived: number;
  pending: number;
};

export type BreakerStateName = "closed" | "open" | "half_open";
export type ServiceBreaker = { service: string; breaker: string; state: BreakerStateName; since: Date };

/** Key of a (cluster, topic, consumer group) for lag look-ups. */
export function lagKey(cluster: string, topic: string, group: string): string {
  return JSON.stringify([cluster, topic, group]);
}

/** Lag per lagKey: a number of messages, or null when the broker did not say in time. */
export type LagByGroup = ReadonlyMap<string, number | null>;
