// Tolerant readers for span and event attributes. SDKs and OTLP/JSON disagree on types (an int64 arrives
// as "3" from JSON, as 3 from protobuf), so numbers are accepted as numbers or decimal strings, and a
// malformed value reads as missing rather than throwing: one bad span must not stop a projection.
import type { AttributeValue, Attributes } from "@/lib/traces";

const INTEGER = /^-?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A non-empty string; numbers are turned into text, since ids and names are sometimes sent as ints. */
export function readText(attributes: Attributes, key: string): string | null {
  const value: AttributeValue | undefined = attributes[key];
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** A safe integer from a number or a decimal string. */
export function readInteger(attributes: Attributes, key: string): number | null {
  const value = attributes[key];
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (typeof value === "string" && INTEGER.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

/** A signed 64-bit integer (Kafka offsets outgrow a double's exact range) from a number or a decimal string. */
export function readInt64(attributes: Attributes, key: string): bigint | null {
  const value = attributes[key];
  let parsed: bigint | null = null;
  if (typeof value === "number" && Number.isSafeInteger(value)) parsed = BigInt(value);
  if (typeof value === "string" && INTEGER.test(value.trim())) parsed = BigInt(value.trim());
  return parsed !== null && parsed >= INT64_MIN && parsed <= INT64_MAX ? parsed : null;
}

/** True only for the boolean true or the string "true" (any case); anything else is false. */
export function readFlag(attributes: Attributes, key: string): boolean {
  const value = attributes[key];
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** The value when it is one of the allowed strings, else null. */
export function readOneOf<T extends string>(attributes: Attributes, key: string, allowed: readonly T[]): T | null {
  const value = attributes[key];
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}
