import "server-only";
import { getPool } from "@/lib/db";

export type ConsumerOutcome = "processed" | "failed-again" | "not-seen";
export type RedriveItemView = {
  id: string;
  partition: number;
  offset: bigint;
  targetTopic: string;
  status: "pending" | "sending" | "sent" | "failed" | "skipped" | "cancelled";
  targetPartition: number | null;
  targetOffset: bigint | null;
  errorCode: string | null;
  error: string | null;
  sentAt: Date | null;
  /** From the trace store: the consumer span whose parent is the redrive span. */
  outcome: ConsumerOutcome | null;
  /** The consumer's error when it failed again, as its span says. */
  consumerError: string | null;
  traceId: string | null;
};

export const ITEMS_PAGE = 100;

/**
 * A page of a job's ledger (by item id, after `afterId`), with each sent message's outcome from the trace
 * store: processed when a consumer span under its redrive span ended OK, failed again when they all failed.
 */
export async function listRedriveItems(jobId: string, options: { afterId?: string; status?: string } = {}): Promise<{ items: RedriveItemView[]; nextAfter: string | null }> {
  const { rows } = await getPool().query<{
    id: string; partition: number; offset: string; target_topic: string; status: RedriveItemView["status"]; target_partition: number | null;
    target_offset: string | null; error_code: string | null; error: string | null; sent_at: Date | null; trace_id: string | null;
    ok_children: number | null; error_children: number | null; consumer_error: string | null;
  }>(
    `SELECT i.id::text, i.partition, i."offset"::text, i.target_topic, i.status, i.target_partition, i.target_offset::text,
            i.error_code, i.error, i.sent_at, i.trace_id, c.ok_children, c.error_children, c.consumer_error
       FROM redrive_items i
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE s.status_code <> 2)::int AS ok_children, count(*) FILTER (WHERE s.status_code = 2)::int AS error_children,
                (array_agg(s.status_message ORDER BY s.start_ns DESC) FILTER (WHERE s.status_code = 2))[1] AS consumer_error
           FROM spans s
          WHERE i.status = 'sent' AND s.trace_id = decode(i.trace_id, 'hex') AND s.parent_span_id = decode(i.span_id, 'hex')
       ) c ON true
      WHERE i.job_id = $1 AND ($2::bigint IS NULL OR i.id > $2::bigint) AND ($3::text IS NULL OR i.status = $3)
      ORDER BY i.id LIMIT $4`,
    [jobId, options.afterId ?? null, options.status ?? null, ITEMS_PAGE + 1]);
  const items = rows.slice(0, ITEMS_PAGE).map((r): RedriveItemView => ({
    id: r.id, partition: r.partition, offset: BigInt(r.offset), targetTopic: r.target_topic, status: r.status,
    targetPartition: r.target_partition, targetOffset: r.target_offset === null ? null : BigInt(r.target_offset),
    errorCode: r.error_code, error: r.error, sentAt: r.sent_at, traceId: r.trace_id,
    consumerError: (r.ok_children ?? 0) === 0 ? r.consumer_error : null,
    outcome: r.status !== "sent" ? null : (r.ok_children ?? 0) > 0 ? "processed" : (r.error_children ?? 0) > 0 ? "failed-again" : "not-seen",
  }));
  return { items, nextAfter: rows.length > ITEMS_PAGE ? (items.at(-1)?.id ?? null) : null };
}
