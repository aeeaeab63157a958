export { inSpan } from "./in-span";
export { SELF_TELEMETRY_HEADER } from "./ingest-sampler";
export { startSelfTracing, stopSelfTracing } from "./self-tracing";
export { startConfiguredSelfTracing } from "./start-configured-self-tracing";
