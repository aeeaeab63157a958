import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyJson, copyNumber, copyText } from "@/lib/ingest/copy-format";
import type { DlqMessageRow } from "../message-row";

export type Inserted = { error_type: string; timestamp: Date };

// The batch reaches Postgres by COPY into a staging table of the session (a third of the cost of unpacking
// one jsonb parameter), then one INSERT … SELECT skips the rows already indexed. Created in the batch's own
// transaction, so it also exists on a connection that is new or that rolled back its creation.
const STAGE = "dlq_messages_incoming";
const CREATE_STAGE = `
  CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (partition int, "offset" bigint, timestamp timestamptz, key_b64 text, key_text text,
    headers jsonb, original_topic text, original_partition int, original_offset bigint, consumer_group text, error_type text,
    error_message text, attempts int, failed_at timestamptz, trace_id text, parent_span_id text, saga_id text, event_id text,
    redrive_count int, size int, format text, schema_id int, preview text) ON COMMIT DELETE ROWS`;

const INSERT = `
  INSERT INTO dlq_messages (cluster, topic, partition, "offset", timestamp, key, key_text, headers, original_topic,
    original_partition, original_offset, consumer_group, error_type, error_message, attempts, failed_at, trace_id,
    parent_span_id, saga_id, event_id, redrive_count, size, format, schema_id, preview)
  SELECT $1, $2, r.partition, r."offset", r.timestamp, decode(r.key_b64, 'base64'), r.key_text, r.headers, r.original_topic,
    r.original_partition, r.original_offset, r.consumer_group, r.error_type, r.error_message, r.attempts, r.failed_at, r.trace_id,
    r.parent_span_id, r.saga_id, r.event_id, r.redrive_count, r.size, r.format, r.schema_id, r.preview
  FROM ${STAGE} r
  ON CONFLICT DO NOTHING
  RETURNING error_type, timestamp`;

function copyLine(r: DlqMessageRow): string {
  return [
    copyNumber(r.partition), r.offset, r.timestamp, copyText(r.key_b64), copyText(r.key_text), copyJson(r.headers), copyText(r.original_topic),
    copyNumber(r.original_partition), copyText(r.original_offset), copyText(r.consumer_group), copyText(r.error_type), copyText(r.error_message),
    copyNumber(r.attempts), copyText(r.failed_at), copyText(r.trace_id), copyText(r.parent_span_id), copyText(r.saga_id), copyText(r.event_id),
    copyNumber(r.redrive_count), copyNumber(r.size), copyText(r.format), copyNumber(r.schema_id), copyText(r.preview),
  ].join("\t") + "\n";
}

/** Inserts the rows not indexed yet; returns those it inserted (a row already there is skipped, not counted again). */
export async function insertMessages(client: PoolClient, cluster: string, topic: string, rows: readonly DlqMessageRow[]): Promise<Inserted[]> {
  if (rows.length === 0) return [];
  await client.query(CREATE_STAGE);
  // One chunk: each chunk becomes a CopyData message, and one per row costs more than the COPY itself.
  await pipeline(Readable.from([rows.map(copyLine).join("")]), client.query(copyFrom(`COPY ${STAGE} FROM STDIN`)));
  const { rows: inserted } = await client.query<Inserted>(INSERT, [cluster, topic]);
  return inserted;
}
