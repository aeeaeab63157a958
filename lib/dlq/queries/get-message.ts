import "server-only";
import type { Operator } from "@/lib/auth";
import { getPool } from "@/lib/db";
import { maskHeaders, topicMasking } from "@/lib/masking";
import type { DisplayHeader } from "../decode";
import { maskFields, type MaskedFields } from "../masking/mask-fields";

export type DlqMessageDetail = {
  partition: number;
  offset: string;
  timestamp: Date;
  keyText: string | null;
  keyHex: string | null;
  /** maskedBy: the rules that hid (part of) the value from this operator. */
  headers: (DisplayHeader & { maskedBy: string[] })[];
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  consumerGroup: string | null;
  errorType: string;
  errorMessage: string | null;
  attempts: number | null;
  failedAt: Date | null;
  traceId: string | null;
  sagaId: string | null;
  eventId: string | null;
  redriveCount: number;
  size: number;
  format: string;
  schemaId: number | null;
  status: string;
  /** The latest disposition (who discarded or redrove it, when and why), or null while pending. */
  disposition: { kind: string; reason: string; actor: string; at: Date } | null;
  /** Fields read from headers that masking rules hid from this operator, with the rules. */
  masked: MaskedFields;
  /** Names of the masking rules that apply to this operator on this topic; null when they see it in clear. */
  maskingRules: string[] | null;
};

type Row = {
  partition: number; offset: string; timestamp: Date; key_text: string | null; key_hex: string | null; headers: DisplayHeader[];
  original_topic: string | null; original_partition: number | null; original_offset: string | null; consumer_group: string | null;
  error_type: string; error_message: string | null; attempts: number | null; failed_at: Date | null; trace_id: string | null;
  saga_id: string | null; event_id: string | null; redrive_count: number; size: number; format: string; schema_id: number | null; status: string;
  disposition: { kind: string; reason: string; actor: string; at: string } | null;
};

/** One indexed message as this operator may see it (masking rules applied), or null when the index has no such message. */
export async function getDlqMessage(cluster: string, topic: string, partition: number, offset: bigint, operator: Operator): Promise<DlqMessageDetail | null> {
  const { rows } = await getPool().query<Row>(
    `SELECT partition, "offset"::text AS offset, timestamp, key_text, CASE WHEN key IS NOT NULL AND key_text IS NULL THEN encode(key, 'hex') END AS key_hex,
       headers, original_topic, original_partition, original_offset::text AS original_offset, consumer_group, error_type, error_message, attempts,
       failed_at, trace_id, saga_id, event_id, redrive_count, size, format, schema_id, status,
       (SELECT jsonb_build_object('kind', d.kind, 'reason', d.reason, 'actor', d.actor, 'at', d.at) FROM dlq_dispositions d
         WHERE d.cluster = m.cluster AND d.topic = m.topic AND d.partition = m.partition AND d."offset" = m."offset"
         ORDER BY d.id DESC LIMIT 1) AS disposition
     FROM dlq_messages m WHERE cluster = $1 AND topic = $2 AND partition = $3 AND "offset" = $4`,
    [cluster, topic, partition, offset.toString()]);
  const row = rows[0];
  if (!row) return null;
  const masking = topicMasking(operator, topic);
  const { row: shown, masked } = maskFields({
    originalTopic: row.original_topic, consumerGroup: row.consumer_group, errorType: row.error_type, errorMessage: row.error_message,
    eventId: row.event_id, sagaId: row.saga_id,
  }, ["originalTopic", "consumerGroup", "errorType", "errorMessage", "eventId", "sagaId"], masking);
  return {
    partition: row.partition, offset: row.offset, timestamp: row.timestamp, keyText: row.key_text, keyHex: row.key_hex,
    headers: masking === null ? row.headers.map((h) => ({ ...h, maskedBy: [] })) : maskHeaders(row.headers, masking),
    originalTopic: shown.originalTopic, originalPartition: row.original_partition, originalOffset: row.original_offset,
    consumerGroup: shown.consumerGroup, errorType: shown.errorType, errorMessage: shown.errorMessage, attempts: row.attempts,
    failedAt: row.failed_at, traceId: row.trace_id, sagaId: shown.sagaId, eventId: shown.eventId, redriveCount: row.redrive_count,
    size: row.size, format: row.format, schemaId: row.schema_id, status: row.status,
    disposition: row.disposition && { ...row.disposition, at: new Date(row.disposition.at) },
    masked,
    maskingRules: masking === null ? null : masking.rules.map((r) => r.name),
  };
}
