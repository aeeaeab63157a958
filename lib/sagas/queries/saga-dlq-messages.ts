import "server-only";
import { getPool } from "@/lib/db";

export type SagaDlqMessage = {
  cluster: string;
  topic: string;
  partition: number;
  offset: string;
  timestamp: Date;
  originalTopic: string | null;
  errorType: string;
  errorMessage: string | null;
  status: string;
};

export const SAGA_DLQ_LIMIT = 50;

/**
 * The dead letters of a saga: those whose headers name it (saga_id), and those whose traceparent
 * points into one of its steps' traces (producers that set no saga header). Both lookups are indexed.
 */
export async function sagaDlqMessages(sagaId: string, traceIds: readonly string[]): Promise<SagaDlqMessage[]> {
  const { rows } = await getPool().query<{
    cluster: string; topic: string; partition: number; offset: string; timestamp: Date; original_topic: string | null;
    error_type: string; error_message: string | null; status: string;
  }>(
    `SELECT cluster, topic, partition, "offset"::text AS offset, timestamp, original_topic, error_type, left(error_message, 300) AS error_message, status
     FROM (SELECT * FROM dlq_messages WHERE saga_id = $1
           UNION SELECT * FROM dlq_messages WHERE trace_id = ANY($2::text[])) AS tied
     ORDER BY timestamp DESC, cluster, topic, partition, "offset" LIMIT ${String(SAGA_DLQ_LIMIT)}`,
    [sagaId, [...new Set(traceIds)]]);
  return rows.map((row) => ({
    cluster: row.cluster, topic: row.topic, partition: row.partition, offset: row.offset, timestamp: row.timestamp,
    originalTopic: row.original_topic, errorType: row.error_type, errorMessage: row.error_message, status: row.status,
  }));
}
