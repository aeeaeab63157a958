// Pure: no I/O.
// What a Kafka message value is: empty, Schema Registry framed, JSON, text or opaque bytes.
import { hasControlChars } from "./header-values";

export type PayloadFormat = "empty" | "json" | "text" | "binary" | "schema-registry";

export type Classified =
  | { format: "empty" }
  | { format: "schema-registry"; schemaId: number; body: Uint8Array }
  | { format: "json" | "text"; text: string }
  | { format: "binary" };

const SCHEMA_REGISTRY_HEADER = 5; // magic byte 0x00, then the schema id as a big-endian int32


/** The value read as Schema Registry wire format, JSON (object or array), UTF-8 text, or binary. */
export function classifyPayload(bytes: Uint8Array, partial = false): Classified {
  if (bytes.byteLength === 0) return { format: "empty" };
  if (bytes[0] === 0 && bytes.byteLength >= SCHEMA_REGISTRY_HEADER) {
    const schemaId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1);
    // Registry ids start at 1; a zero or negative id means these are just bytes that begin with 0x00.
    if (schemaId > 0) return { format: "schema-registry", schemaId, body: bytes.subarray(SCHEMA_REGISTRY_HEADER) };
  }
  let decoded: string;
  try {
    // stream: a cut payload may end inside a character; that tail is dropped, not called invalid.
    // The default ignoreBOM: false drops a leading byte-order mark, which JSON.parse would refuse.
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    return { format: "binary" };
  }
  // NUL does not make text binary: C producers often send NUL-terminated strings. It is dropped
  // (Postgres text refuses it); other controls mean bytes, not text.
  const text = decoded.replaceAll("\u0000", "");
  if (text === "" || hasControlChars(text)) return { format: "binary" };
  return { format: isJsonDocument(text) ? "json" : "text", text };
}

// Only objects and arrays count as JSON payloads: "42" or "\"ok\"" read better as plain text.
function isJsonDocument(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
