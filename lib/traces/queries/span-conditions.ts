import type { AttributeFilter, TraceSearch } from "./search-filter";

/** Collects query parameters and hands out their placeholders ($1, $2, …). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Attributes the ingest writer copies into indexed columns: searching them by column uses the index.
const INDEXED_ATTRIBUTES: Record<string, string> = {
  "messaging.message.id": "messaging_message_id",
  "saga.id": "saga_id",
  "saga.key": "saga_key",
};

const STATUS_CODES = { ok: 1, error: 2, unset: 0 } as const;

/**
 * The WHERE conditions a span must meet to match `search`, for table alias `alias`, always including
 * the time window so that Postgres prunes partitions.
 */
export function spanConditions(search: TraceSearch, window: { from: Date; to: Date }, alias: string, params: SqlParams): string[] {
  const column = (name: string) => `${alias}.${name}`;
  const conditions = [`${column("start_time")} >= ${params.add(window.from)}`, `${column("start_time")} < ${params.add(window.to)}`];
  if (search.service !== undefined) conditions.push(`${column("service_name")} = ${params.add(search.service)}`);
  if (search.operation !== undefined) {
    const placeholder = params.add(search.operation);
    conditions.push(search.operationMatch === "exact" ? `${column("name")} = ${placeholder}` : `starts_with(${column("name")}, ${placeholder})`);
  }
  if (search.status !== "any") conditions.push(`${column("status_code")} = ${String(STATUS_CODES[search.status])}`);
  if (search.minDurationMs !== undefined) {
    conditions.push(`${column("duration_ns")} >= ${params.add(BigInt(Math.round(search.minDurationMs * 1_000_000)).toString())}::bigint`);
  }
  if (search.messageId !== undefined) conditions.push(`${column("messaging_message_id")} = ${params.add(search.messageId)}`);
  if (search.sagaId !== undefined) conditions.push(`${column("saga_id")} = ${params.add(search.sagaId)}`);
  if (search.sagaKey !== undefined) conditions.push(`${column("saga_key")} = ${params.add(search.sagaKey)}`);
  for (const filter of search.attributes) conditions.push(attributeCondition(filter, column, params));
  return conditions;
}

function attributeCondition(filter: AttributeFilter, column: (name: string) => string, params: SqlParams): string {
  const indexed = INDEXED_ATTRIBUTES[filter.key];
  if (indexed !== undefined) return `${column(indexed)} = ${params.add(filter.value)}`;
  const candidates = params.add(attributeCandidates(filter).map((c) => JSON.stringify(c)));
  // No GIN index on attrs: containment is checked only on the spans the time window (and other filters) leave.
  return `(${column("attrs")} @> ANY(${candidates}::jsonb[]) OR ${column("resource_attrs")} @> ANY(${candidates}::jsonb[]))`;
}

/** The JSON objects `key=value` may be stored as: always text, and a number or boolean when the text reads as one. */
export function attributeCandidates(filter: AttributeFilter): Record<string, string | number | boolean>[] {
  const candidates: Record<string, string | number | boolean>[] = [{ [filter.key]: filter.value }];
  if (/^-?\d+(\.\d+)?$/.test(filter.value) && Number.isFinite(Number(filter.value))) candidates.push({ [filter.key]: Number(filter.value) });
  if (filter.value === "true" || filter.value === "false") candidates.push({ [filter.key]: filter.value === "true" });
  return candidates;
}
