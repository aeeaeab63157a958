import type { Encoding } from "./decode-request";
import { ExportTraceServiceResponse, RpcStatus } from "./schema";

export type EncodedBody = { contentType: string; body: Uint8Array };

/** ExportTraceServiceResponse in the request's encoding; partial_success only when spans were rejected. */
export function exportResponse(encoding: Encoding, rejectedSpans: number, errorMessage: string): EncodedBody {
  const payload = rejectedSpans > 0 ? { partialSuccess: { rejectedSpans, errorMessage } } : {};
  if (encoding === "protobuf") {
    return { contentType: "application/x-protobuf", body: ExportTraceServiceResponse.encode(ExportTraceServiceResponse.fromObject(payload)).finish() };
  }
  const object = ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.fromObject(payload), { longs: String });
  return { contentType: "application/json", body: Buffer.from(JSON.stringify(object)) };
}

/**
 * google.rpc.Status: 3 (INVALID_ARGUMENT) for refused input, 8 (RESOURCE_EXHAUSTED) for a body over the
 * limit, 14 (UNAVAILABLE) when the store is down, 16 (UNAUTHENTICATED) without a valid ingest token.
 */
export function errorStatus(encoding: Encoding, httpStatus: number, message: string): EncodedBody {
  const code = httpStatus === 503 ? 14 : httpStatus === 413 ? 8 : httpStatus === 401 ? 16 : 3;
  if (encoding === "protobuf") return { contentType: "application/x-protobuf", body: RpcStatus.encode(RpcStatus.fromObject({ code, message })).finish() };
  return { contentType: "application/json", body: Buffer.from(JSON.stringify({ code, message })) };
}
