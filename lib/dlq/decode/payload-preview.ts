// Pure: no I/O.
// Message values summarised for the DLQ index and laid out for the message drawer.
import { classifyPayload, type PayloadFormat } from "./classify-payload";
import { capText, toHex } from "./header-values";
import { hexDump } from "./hex-dump";
import { compactJson, indentJson } from "./json-layout";

export type { PayloadFormat } from "./classify-payload";

export const PREVIEW_LENGTH = 512;
export const DEFAULT_FORMAT_BYTES = 256 * 1024;

export type PayloadDescription = { size: number; format: PayloadFormat; schemaId: number | null; preview: string };
export type FormattedPayload = { format: PayloadFormat; text: string; truncated: boolean; schemaId: number | null };

// Three characters per byte: converting more than the preview can show is wasted work.
function hexPreview(bytes: Uint8Array): string {
  return capText(toHex(bytes.subarray(0, Math.ceil(PREVIEW_LENGTH / 3) + 1)), PREVIEW_LENGTH);
}

/** Size, format, schema id and a short preview of a message value, for the DLQ index. */
export function describePayload(value: Buffer | null): PayloadDescription {
  const size = value?.byteLength ?? 0;
  const classified = classifyPayload(value ?? new Uint8Array());
  switch (classified.format) {
    case "empty":
      return { size, format: "empty", schemaId: null, preview: "" };
    case "schema-registry":
      return { size, format: "schema-registry", schemaId: classified.schemaId, preview: hexPreview(classified.body) };
    case "json":
      return { size, format: "json", schemaId: null, preview: capText(compactJson(classified.text), PREVIEW_LENGTH) };
    case "text":
      return { size, format: "text", schemaId: null, preview: capText(classified.text, PREVIEW_LENGTH) };
    case "binary":
      return { size, format: "binary", schemaId: null, preview: hexPreview(value ?? new Uint8Array()) };
  }
}

/** A message value laid out for reading: indented JSON, the text, or a hex dump; only the first maxBytes. */
export function formatPayload(value: Buffer, maxBytes: number = DEFAULT_FORMAT_BYTES): FormattedPayload {
  const truncated = value.byteLength > maxBytes;
  const considered = value.subarray(0, Math.max(0, maxBytes));
  // A cut JSON document no longer parses, so it is shown as text.
  const classified = classifyPayload(considered, truncated);
  switch (classified.format) {
    case "empty":
      return { format: "empty", text: "", truncated, schemaId: null };
    case "schema-registry":
      // The whole frame is dumped so offsets match the bytes on the topic.
      return { format: "schema-registry", text: hexDump(considered), truncated, schemaId: classified.schemaId };
    case "json":
      return { format: "json", text: indentJson(classified.text, 2), truncated, schemaId: null };
    case "text":
      return { format: "text", text: classified.text, truncated, schemaId: null };
    case "binary":
      return { format: "binary", text: hexDump(considered), truncated, schemaId: null };
  }
}
