// Postgres COPY text format: one line per row, tab-separated, \N for NULL, backslash escapes.
const NULL = "\\N";

export function copyText(value: string | null): string {
  if (value === null) return NULL;
  return value.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t"));
}

/** bytea in hex form; the backslash itself is escaped for COPY. */
export function copyBytea(hex: string | null): string {
  return hex === null ? NULL : `\\\\x${hex}`;
}

export function copyNumber(value: number | bigint | null): string {
  return value === null ? NULL : value.toString();
}

/** JSON for jsonb columns; bigints (nanosecond times) become decimal strings, as in OTLP JSON. */
export function copyJson(value: unknown): string {
  return copyText(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}

/** A timestamptz with microseconds (Postgres' precision) from Unix nanoseconds. */
export function copyTimestamp(unixNano: bigint): string {
  const micros = unixNano / 1000n;
  const seconds = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, "0");
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}
