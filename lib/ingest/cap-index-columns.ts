import type { SpanIndexColumns } from "@/lib/projections";
import { capIndexed } from "./sanitize";

/** The span's index columns with every text value short enough to index (the attributes keep the whole value). */
export function capIndexColumns(columns: SpanIndexColumns): SpanIndexColumns {
  return {
    ...columns,
    messaging_cluster: capIndexed(columns.messaging_cluster),
    messaging_destination: capIndexed(columns.messaging_destination),
    messaging_operation: capIndexed(columns.messaging_operation),
    messaging_consumer_group: capIndexed(columns.messaging_consumer_group),
    messaging_message_id: capIndexed(columns.messaging_message_id),
    saga_id: capIndexed(columns.saga_id),
    saga_key: capIndexed(columns.saga_key),
    breaker_name: capIndexed(columns.breaker_name),
  };
}
