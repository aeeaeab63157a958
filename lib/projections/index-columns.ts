// The columns copied out of a span's attributes into the spans table, for the indexes the console
// searches by. Keys are the column names, so the ingest writer can list them for COPY as they are.
import type { SpanRecord } from "@/lib/traces";
import { readInt64, readInteger, readText } from "./attributes";
import { breakerStateChanges } from "./breaker-events";
import type { ResolveCluster } from "./flow-edges";
import { compareTuple } from "./order";

export type SpanIndexColumns = {
  messaging_cluster: string | null;
  messaging_destination: string | null;
  messaging_operation: string | null;
  messaging_consumer_group: string | null;
  messaging_message_id: string | null;
  messaging_partition: number | null;
  messaging_offset: bigint | null;
  saga_id: string | null;
  saga_key: string | null;
  breaker_name: string | null;
};

const INT32_MAX = 2 ** 31 - 1;

export function indexColumns(span: SpanRecord, resolveCluster: ResolveCluster): SpanIndexColumns {
  const attributes = span.attributes;
  const destination = readText(attributes, "messaging.destination.name");
  const partition = readInteger(attributes, "messaging.destination.partition.id");
  const offset = readInt64(attributes, "messaging.kafka.offset");
  return {
    // Topics are indexed by (cluster, topic), so only a span with a destination gets a cluster.
    messaging_cluster: destination === null ? null : resolveCluster(readText(attributes, "server.address") ?? undefined),
    messaging_destination: destination,
    messaging_operation: readText(attributes, "messaging.operation.type"),
    messaging_consumer_group: readText(attributes, "messaging.consumer.group.name"),
    messaging_message_id: readText(attributes, "messaging.message.id"),
    // Partitions and offsets are never negative in Kafka; a negative one means "unknown".
    messaging_partition: partition !== null && partition >= 0 && partition <= INT32_MAX ? partition : null,
    messaging_offset: offset !== null && offset >= 0n ? offset : null,
    saga_id: readText(attributes, "saga.id"),
    saga_key: readText(attributes, "saga.key"),
    breaker_name: readText(attributes, "circuit_breaker.name") ?? firstStateChangeBreaker(span),
  };
}

/** The breaker of the span's earliest state-change event (by time, then position). */
function firstStateChangeBreaker(span: SpanRecord): string | null {
  const changes = breakerStateChanges(span).sort((a, b) =>
    compareTuple([a.event.timeUnixNano, a.index], [b.event.timeUnixNano, b.index]),
  );
  return changes[0]?.breaker ?? null;
}
