// Each service's OpenTelemetry SDK: spans are batched and exported as OTLP/HTTP protobuf to Flowdeck.
// Every span is kept (no sampling): Flowdeck derives sagas, breakers and flows from all of them.
// Flowdeck's ingest token comes the standard way: the exporter reads OTEL_EXPORTER_OTLP_TRACES_HEADERS
// (or OTEL_EXPORTER_OTLP_HEADERS) = "Authorization=Bearer fdi_…" itself; `npm run demo` sets it.
import { trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

let provider: NodeTracerProvider | undefined;

/** Starts tracing for `serviceName`; with no URL spans are still made (context still propagates) but not sent. */
export function startTracing(serviceName: string, otlpUrl: string): void {
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, "service.namespace": "flowdeck-demo" }),
    spanProcessors: otlpUrl === "" ? [] : [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpUrl }), { scheduledDelayMillis: 500 })],
  });
  // register() installs the W3C trace-context propagator and the async context manager.
  provider.register();
}

/** Flushes what is left, so a stopping service's last spans still reach Flowdeck. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown().catch(() => {});
}

export function tracer(): Tracer {
  return trace.getTracer("flowdeck-demo");
}
