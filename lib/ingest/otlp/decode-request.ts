import { IngestError } from "../ingest-error";
import { ExportTraceServiceRequest, type PRequest } from "./schema";

export type Encoding = "protobuf" | "json";

export function encodingOf(contentType: string | null): Encoding {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (media === "application/x-protobuf" || media === "application/protobuf") return "protobuf";
  if (media === "application/json") return "json";
  throw new IngestError(400, `content-type ${contentType ?? "(none)"} is not supported; send application/x-protobuf or application/json`);
}

/** The encoding to answer in before the content type has been checked: JSON unless it names protobuf. */
export function replyEncodingOf(contentType: string | null): Encoding {
  try {
    return encodingOf(contentType);
  } catch {
    return "json";
  }
}

const HEX = { 32: /^[0-9a-fA-F]{32}$/, 16: /^[0-9a-fA-F]{16}$/ } as const;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

// OTLP JSON writes ids as hex where protobuf's JSON mapping expects base64; protobufjs would read hex
// as base64 and produce garbage, so ids become bytes before the schema sees them. A malformed id is left
// as is: it fails the id check of its own span, which is then rejected alone.
function hexIdsToBytes(o: Record<string, unknown>, keys: readonly [string, 32 | 16][]): void {
  for (const [key, digits] of keys) {
    const v = o[key];
    if (v === "" || v === null) o[key] = undefined;
    else if (typeof v === "string" && HEX[digits].test(v)) o[key] = Buffer.from(v, "hex");
    else if (v !== undefined) o[key] = Buffer.alloc(1); // a wrong length, so the span's id check rejects it
  }
}

function prepareJson(body: Record<string, unknown>): void {
  for (const rs of Array.isArray(body.resourceSpans) ? body.resourceSpans : []) {
    if (!isObject(rs)) continue;
    for (const ss of Array.isArray(rs.scopeSpans) ? rs.scopeSpans : []) {
      if (!isObject(ss)) continue;
      for (const span of Array.isArray(ss.spans) ? ss.spans : []) {
        if (!isObject(span)) continue;
        hexIdsToBytes(span, [["traceId", 32], ["spanId", 16], ["parentSpanId", 16]]);
        for (const link of Array.isArray(span.links) ? span.links : []) if (isObject(link)) hexIdsToBytes(link, [["traceId", 32], ["spanId", 16]]);
      }
    }
  }
}

/** The ExportTraceServiceRequest in `body`; a malformed body is a 400 with one line saying why. */
export function decodeRequest(encoding: Encoding, body: Uint8Array): PRequest {
  if (encoding === "protobuf") {
    try {
      return ExportTraceServiceRequest.decode(body) as unknown as PRequest;
    } catch (error) {
      throw new IngestError(400, `body is not a valid OTLP protobuf ExportTraceServiceRequest (${firstLine(error)})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch (error) {
    throw new IngestError(400, `body is not valid JSON (${firstLine(error)})`);
  }
  if (!isObject(parsed)) throw new IngestError(400, "body is not an OTLP JSON ExportTraceServiceRequest (expected an object)");
  prepareJson(parsed);
  try {
    // fromObject ignores unknown fields and takes enums as integers and int64 as decimal strings.
    return ExportTraceServiceRequest.fromObject(parsed) as unknown as PRequest;
  } catch (error) {
    throw new IngestError(400, `body is not a valid OTLP JSON ExportTraceServiceRequest (${firstLine(error)})`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}
