import { getConfig } from "@/lib/config";
import { getMetrics } from "@/lib/metrics";
import { IngestError, encodingOf, errorStatus, exportResponse, ingestExport, readBody, type Encoding } from "@/lib/ingest";

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
  let encoding: Encoding = "json";
  try {
    encoding = encodingOf(request.headers.get("content-type"));
    const body = await readBody(request, getConfig().otlpMaxBodyBytes);
    const outcome = await ingestExport(encoding, body);
    return reply(200, exportResponse(encoding, outcome.rejected, outcome.reason));
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    const headers: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return reply(error.status, errorStatus(encoding, error.status, error.message), headers);
  }
}
