import { context } from "@opentelemetry/api";
import { SamplingDecision } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { SkipIngestSampler } from "./ingest-sampler";

describe("SkipIngestSampler", () => {
  const sampler = new SkipIngestSampler();
  const decide = (name: string, attributes = {}) => sampler.shouldSample(context.active(), "t", name, 1, attributes).decision;

  it("drops requests to the OTLP ingest route, by name or by target", () => {
    expect(decide("POST /api/otlp/v1/traces")).toBe(SamplingDecision.NOT_RECORD);
    expect(decide("POST", { "http.target": "/api/otlp/v1/traces" })).toBe(SamplingDecision.NOT_RECORD);
  });

  it("keeps everything else", () => {
    expect(decide("GET /clusters", { "http.target": "/clusters" })).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide("projector.run")).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });
});
