// Pure: no I/O.
// Numbers in DLQ headers: Spring writes big-endian binary, everyone else writes decimal text.

const INT32_MAX = 2n ** 31n - 1n;
const INT64_MAX = 2n ** 63n - 1n;
// The largest instant a JavaScript Date can hold, in milliseconds since the epoch.
const MAX_DATE_MS = 8_640_000_000_000_000n;

const DECIMAL = /^-?[0-9]+$/;

/** The integer a decimal header spells out, or null; surrounding whitespace is forgiven. */
export function parseDecimal(bytes: Uint8Array | null): bigint | null {
  if (bytes === null) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1").trim();
  return DECIMAL.test(text) ? BigInt(text) : null;
}

// Binary ints that happen to be all ASCII digits would be absurd partitions, offsets or
// timestamps (over 8×10^8 / 3×10^18), so digit-only values are read as decimal text.
function readNumber(bytes: Uint8Array, width: 4 | 8): bigint | null {
  const decimal = parseDecimal(bytes);
  if (decimal !== null) return decimal;
  if (bytes.byteLength !== width) return null; // a wrong-length binary value is unreadable, not a number
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return width === 4 ? BigInt(view.getInt32(0)) : view.getBigInt64(0);
}

/** A 4-byte big-endian int32 or decimal text. */
export function readInt32(bytes: Uint8Array | null): bigint | null {
  return bytes === null ? null : readNumber(bytes, 4);
}

/** An 8-byte big-endian int64 or decimal text. */
export function readInt64(bytes: Uint8Array | null): bigint | null {
  return bytes === null ? null : readNumber(bytes, 8);
}

/** A big-endian two's-complement integer of 1 to 8 bytes, as Java's BigInteger.toByteArray writes it. */
export function readVarBigEndian(bytes: Uint8Array): bigint | null {
  if (bytes.byteLength < 1 || bytes.byteLength > 8) return null;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return BigInt.asIntN(bytes.byteLength * 8, value);
}

/** A Kafka partition number: 0 to 2^31-1. */
export function asPartition(value: bigint | null): number | null {
  return value !== null && value >= 0n && value <= INT32_MAX ? Number(value) : null;
}

/** A non-negative int64 as decimal text, which survives where a JavaScript number would round. */
export function asOffset(value: bigint | null): string | null {
  return value !== null && value >= 0n && value <= INT64_MAX ? value.toString() : null;
}

/** A non-negative count that fits an int32 (attempts, redrives). */
export function asCount(value: bigint | null): number | null {
  return asPartition(value);
}

/** Milliseconds since the epoch as a Date; Kafka's -1 "no timestamp" and out-of-range values are null. */
export function asTimestamp(value: bigint | null): Date | null {
  return value !== null && value >= 0n && value <= MAX_DATE_MS ? new Date(Number(value)) : null;
}

// Date.parse accepts many shapes; only ISO-8601 date-times with a zone are taken.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseIsoDate(text: string | null): Date | null {
  if (text === null || !ISO_8601.test(text.trim())) return null;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? null : new Date(ms);
}
