import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, ParentBasedSampler } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { SELF_TELEMETRY_HEADER, SkipIngestSampler } from "./ingest-sampler";

let provider: NodeTracerProvider | undefined;

/**
 * Sends Flowdeck's own spans (as service `serviceName`) to `url`, with `token` as the bearer ingest token
 * when given; Next's request spans come along.
 */
export function startSelfTracing(url: string, serviceName: string, token: string | null = null): void {
  if (provider) return;
  const headers: Record<string, string> = { [SELF_TELEMETRY_HEADER]: "1", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    sampler: new ParentBasedSampler({ root: new SkipIngestSampler() }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url, headers }))],
  });
  // register() also installs the async context manager, so spans nest under the request they serve.
  provider.register();
}

export async function stopSelfTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}
