import { getConfig } from "@/lib/config";
import { getMetrics } from "@/lib/metrics";
import { SELF_TELEMETRY_HEADER, inSpan } from "@/lib/telemetry";
import { IngestError, authenticateExport, encodingOf, errorStatus, exportResponse, ingestExport, readBody, replyEncodingOf, type Encoding } from "@/lib/ingest";

export const dynamic = "force-dynamic";

function reply(status: number, encoded: { contentType: string; body: Uint8Array }, headers: Record<string, string> = {}): Response {
  return new Response(Buffer.from(encoded.body), { status, headers: { "content-type": encoded.contentType, ...headers } });
}

/** OTLP/HTTP trace export: ExportTraceServiceRequest as protobuf or JSON, optionally gzipped. */
export async function POST(request: Request): Promise<Response> {
  const metrics = getMetrics();
  const timer = metrics.ingestBatchSeconds.startTimer();
  const response = await answer(request);
  timer();
  metrics.ingestRequests.inc({ status: String(response.status) });
  return response;
}

async function answer(request: Request): Promise<Response> {
  let encoding: Encoding = replyEncodingOf(request.headers.get("content-type"));
  try {
    // The token is checked from the headers alone, first: an unauthenticated body is never read,
    // buffered or decoded, and an unauthenticated client learns nothing about what it sent.
    const auth = await authenticateExport(request.headers.get("authorization"));
    if (!auth.ok) {
      getMetrics().ingestAuthRejections.inc({ reason: auth.reason });
      return reply(401, errorStatus(encoding, 401, auth.message), { "www-authenticate": auth.challenge });
    }
    encoding = encodingOf(request.headers.get("content-type"));
    const body = await readBody(request, getConfig().otlpMaxBodyBytes);
    // Flowdeck's own spans are stored untraced: tracing their ingest would feed itself forever. Other
    // exports get a trace of their own: the request's trace is never sampled (SkipIngestSampler).
    const outcome = request.headers.has(SELF_TELEMETRY_HEADER)
      ? await ingestExport(encoding, body)
      : await inSpan("otlp.ingest", { "otlp.encoding": encoding, "otlp.body_bytes": body.byteLength, "otlp.token.name": auth.tokenName }, async (span) => {
          const result = await ingestExport(encoding, body);
          span.setAttributes({ "otlp.spans.stored": result.stored, "otlp.spans.rejected": result.rejected });
          return result;
        }, true);
    return reply(200, exportResponse(encoding, outcome.rejected, outcome.reason));
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    const headers: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return reply(error.status, errorStatus(encoding, error.status, error.message), headers);
  }
}
