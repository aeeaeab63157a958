import "server-only";
import type { PoolClient } from "pg";
import type { DlqMessageRow } from "../message-row";

export type Inserted = { error_type: string; timestamp: Date };

// One statement for the whole batch: the rows travel as one jsonb array and are unpacked by Postgres.
const INSERT = `
  INSERT INTO dlq_messages (cluster, topic, partition, "offset", timestamp, key, key_text, headers, original_topic,
    original_partition, original_offset, consumer_group, error_type, error_message, attempts, failed_at, trace_id,
    parent_span_id, saga_id, event_id, redrive_count, size, format, schema_id, preview)
  SELECT $1, $2, r.partition, r."offset", r.timestamp, decode(r.key_b64, 'base64'), r.key_text, r.headers, r.original_topic,
    r.original_partition, r.original_offset, r.consumer_group, r.error_type, r.error_message, r.attempts, r.failed_at, r.trace_id,
    r.parent_span_id, r.saga_id, r.event_id, r.redrive_count, r.size, r.format, r.schema_id, r.preview
  FROM jsonb_to_recordset($3::jsonb) AS r(partition int, "offset" bigint, timestamp timestamptz, key_b64 text, key_text text,
    headers jsonb, original_topic text, original_partition int, original_offset bigint, consumer_group text, error_type text,
    error_message text, attempts int, failed_at timestamptz, trace_id text, parent_span_id text, saga_id text, event_id text,
    redrive_count int, size int, format text, schema_id int, preview text)
  ON CONFLICT DO NOTHING
  RETURNING error_type, timestamp`;

/** Inserts the rows not indexed yet; returns those it inserted (a row already there is skipped, not counted again). */
export async function insertMessages(client: PoolClient, cluster: string, topic: string, rows: readonly DlqMessageRow[]): Promise<Inserted[]> {
  if (rows.length === 0) return [];
  const { rows: inserted } = await client.query<Inserted>(INSERT, [cluster, topic, JSON.stringify(rows)]);
  return inserted;
}
