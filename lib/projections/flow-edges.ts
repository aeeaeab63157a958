// Messages per minute between services and topics (flow_edge_minutes): producer → (cluster, topic) and
// (cluster, topic) → consumer group, from OpenTelemetry messaging spans. Additive, like resilience counts.
import type { SpanRecord } from "@/lib/traces";
import { readText } from "./attributes";
import { keyOf, sumByKey } from "./count-table";
import { minuteOf } from "./order";

export type FlowDirection = "produce" | "consume";

export type FlowEdgeMinuteRow = {
  minute: Date;
  cluster: string;
  topic: string;
  direction: FlowDirection;
  service: string;
  /** The consumer group of a consume edge; "" for produce edges and consumers that name none. */
  consumerGroup: string;
  count: bigint;
  errors: bigint;
};

/** Maps a span's server.address (the broker it talked to) to a configured cluster name, else the default. */
export type ResolveCluster = (serverAddress: string | undefined) => string;

/** The edge counts the spans add, one row per (minute, cluster, topic, direction, service, group), sorted. */
export function flowEdgeCounts(spans: readonly SpanRecord[], resolveCluster: ResolveCluster): FlowEdgeMinuteRow[] {
  return sumByKey(spans.flatMap((span) => edgeOfSpan(span, resolveCluster) ?? []), rowKey, addRows);
}

/** a + b by key: commutative and associative, so batches can be merged in any order. */
export function mergeFlowEdges(a: readonly FlowEdgeMinuteRow[], b: readonly FlowEdgeMinuteRow[]): FlowEdgeMinuteRow[] {
  return sumByKey([...a, ...b], rowKey, addRows);
}

/**
 * The direction of a messaging span. The operation type decides when it is a known one: send produces,
 * receive and process consume; create (one message of a batch send, which its send span already counts)
 * and settle (an acknowledgement) are not messages moving. Otherwise the span kind decides.
 */
function flowDirection(span: SpanRecord): FlowDirection | null {
  switch (span.attributes["messaging.operation.type"]) {
    case "send":
      return "produce";
    case "receive":
    case "process":
      return "consume";
    case "create":
    case "settle":
      return null;
  }
  return span.kind === 4 ? "produce" : span.kind === 5 ? "consume" : null;
}

function edgeOfSpan(span: SpanRecord, resolveCluster: ResolveCluster): FlowEdgeMinuteRow | null {
  const topic = readText(span.attributes, "messaging.destination.name");
  const direction = flowDirection(span);
  if (readText(span.attributes, "messaging.system") === null || topic === null || direction === null) return null;
  return {
    minute: minuteOf(span.startTimeUnixNano),
    cluster: resolveCluster(readText(span.attributes, "server.address") ?? undefined),
    topic,
    direction,
    service: span.serviceName,
    consumerGroup: direction === "consume" ? (readText(span.attributes, "messaging.consumer.group.name") ?? "") : "",
    count: 1n,
    errors: span.statusCode === 2 ? 1n : 0n,
  };
}

function rowKey(row: FlowEdgeMinuteRow): string {
  return keyOf([row.minute.getTime(), row.cluster, row.topic, row.direction, row.service, row.consumerGroup]);
}

function addRows(a: FlowEdgeMinuteRow, b: FlowEdgeMinuteRow): FlowEdgeMinuteRow {
  return { ...a, count: a.count + b.count, errors: a.errors + b.errors };
}
