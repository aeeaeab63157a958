// Pure: no I/O.
// Every header of a DLQ message as the message drawer lists it: readable text, a number, or hex.
import { readInt32, readInt64, readVarBigEndian } from "./header-numbers";
import { TEXT_CAPS, capText, decodeStrict, hasControlChars, headerValues, toHex, type RawHeaders } from "./header-values";

export type DisplayHeader = { name: string; value: string; binary: boolean };

// Spring writes these as big-endian binary numbers; hex would hide what they say.
const SPRING_NUMBERS: Readonly<Record<string, (bytes: Uint8Array) => bigint | null>> = {
  "kafka_dlt-original-partition": readInt32,
  "kafka_dlt-original-offset": readInt64,
  "kafka_dlt-original-timestamp": readInt64,
  kafka_deliveryAttempt: readInt32,
  "retry_topic-attempts": (bytes) => (bytes.byteLength === 1 ? readVarBigEndian(bytes) : readInt32(bytes)),
  // BigInteger.toByteArray: as many bytes as the value needs.
  "retry_topic-backoff-timestamp": readVarBigEndian,
  "retry_topic-original-timestamp": readVarBigEndian,
};

function display(name: string, bytes: Buffer): DisplayHeader {
  const number = Object.hasOwn(SPRING_NUMBERS, name) ? SPRING_NUMBERS[name]?.(bytes) : undefined;
  if (number !== undefined && number !== null) return { name, value: number.toString(), binary: false };
  const text = decodeStrict(bytes);
  if (text !== null && !hasControlChars(text)) return { name, value: capText(text, TEXT_CAPS.errorStack), binary: false };
  // Hex takes three characters a byte; only what fits under the cap is converted.
  const shown = bytes.subarray(0, Math.ceil(TEXT_CAPS.errorStack / 3) + 1);
  return { name, value: capText(toHex(shown), TEXT_CAPS.errorStack), binary: true };
}

/** Every header, each value of a repeated one on its own row, in the order the message carries them. */
export function headersForDisplay(headers: RawHeaders): DisplayHeader[] {
  return Object.keys(headers).flatMap((name) => headerValues(headers, name).map((bytes) => display(name, bytes)));
}
