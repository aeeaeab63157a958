import "server-only";
import { z } from "zod";

export const DLQ_STATUSES = ["pending", "redriven", "discarded", "expired"] as const;
export const DlqStatusFilter = z.enum([...DLQ_STATUSES, "any"]);
export type DlqStatusFilter = z.infer<typeof DlqStatusFilter>;

export const PAGE_SIZE = 50;

/** A page position: the (time, partition, offset) of the last row shown; the next page starts below it. */
export type DlqCursor = { timeMs: number; partition: number; offset: bigint };

/** What the message browser asks of the index; every field has already been validated. */
export type DlqBrowseInput = {
  cluster: string;
  topic: string;
  status: DlqStatusFilter;
  from?: Date;
  /** Exclusive; also how "jump to time" works: the page starts just before it. */
  to?: Date;
  errorType?: string;
  originalTopic?: string;
  key?: string;
  /** textOnly: binary header values do not match (they are hidden from viewers, so they must not be found either). */
  header?: { name: string; value: string; textOnly?: boolean };
  /** Text searched for in the payload preview (case-insensitive). */
  text?: string;
  cursor?: DlqCursor;
};

export function encodeCursor(cursor: DlqCursor): string {
  return `${cursor.timeMs}.${cursor.partition}.${cursor.offset}`;
}

export function decodeCursor(text: string): DlqCursor | null {
  const match = /^(\d{1,15})\.(\d{1,10})\.(\d{1,19})$/.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const partition = Number(match[2]);
  const offset = BigInt(match[3]);
  if (partition > 2 ** 31 - 1 || offset > 2n ** 63n - 1n) return null;
  return { timeMs: Number(match[1]), partition, offset };
}

/** The SQL conditions and parameters for the filter; $1 and $2 are the cluster and topic. */
export function whereClause(input: DlqBrowseInput, withCursor: boolean): { sql: string; params: unknown[] } {
  const params: unknown[] = [input.cluster, input.topic];
  const conditions = ["cluster = $1", "topic = $2"];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (input.status !== "any") add((n) => `status = ${n}`, input.status);
  if (input.from) add((n) => `timestamp >= ${n}`, input.from);
  if (input.to) add((n) => `timestamp < ${n}`, input.to);
  if (input.errorType !== undefined) add((n) => `error_type = ${n}`, input.errorType);
  if (input.originalTopic !== undefined) add((n) => `original_topic = ${n}`, input.originalTopic);
  if (input.key !== undefined) add((n) => `key_text = ${n}`, input.key);
  if (input.header) {
    const { name, value, textOnly } = input.header;
    add((n) => `headers @> ${n}::jsonb`, JSON.stringify([textOnly ? { name, value, binary: false } : { name, value }]));
  }
  if (input.text !== undefined) add((n) => `preview ILIKE ${n}`, `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (withCursor && input.cursor) {
    params.push(new Date(input.cursor.timeMs), input.cursor.partition, input.cursor.offset.toString());
    const n = params.length;
    conditions.push(`(timestamp, partition, "offset") < ($${n - 2}, $${n - 1}, $${n})`);
  }
  return { sql: conditions.join(" AND "), params };
}
