import { SamplingDecision, type Sampler, type SamplingResult } from "@opentelemetry/sdk-trace-base";
import type { Attributes } from "@opentelemetry/api";

export const INGEST_PATH = "/api/otlp/";
/** Marks exports of Flowdeck's own spans, whose ingest is never traced. */
export const SELF_TELEMETRY_HEADER = "x-flowdeck-self-telemetry";

/**
 * Drops every trace that starts with a request to the OTLP ingest route. Flowdeck's own exports land
 * there: tracing them would export a span per export, which is exported again — a loop without end.
 */
export class SkipIngestSampler implements Sampler {
  shouldSample(_context: unknown, _traceId: string, spanName: string, _kind: unknown, attributes: Attributes): SamplingResult {
    const target = attributes["http.target"] ?? attributes["url.path"] ?? attributes["next.route"] ?? attributes["http.route"];
    const ingest = spanName.includes(INGEST_PATH) || (typeof target === "string" && target.startsWith(INGEST_PATH));
    return { decision: ingest ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED };
  }

  toString(): string {
    return "SkipIngestSampler";
  }
}
