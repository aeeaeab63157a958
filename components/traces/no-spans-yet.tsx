/** The store is empty: say how services send spans here, rather than just "no results". */
export function NoSpansYet() {
  return (
    <div data-testid="traces-empty" className="max-w-3xl rounded-lg border border-dashed border-border bg-surface px-5 py-4 text-sm">
      <h2 className="text-base font-semibold">No spans received yet</h2>
      <p className="mt-1">
        Flowdeck stores the spans your services export over OTLP/HTTP (protobuf or JSON, optionally gzip), sent
        straight from the OpenTelemetry SDK or through a Collector, to <code className="font-mono text-[13px]">/api/otlp/v1/traces</code>.
        Each exporter sends an ingest token (<code className="font-mono text-[13px]">npm run ingest-token -- create &lt;name&gt;</code> prints
        one). With the SDK&apos;s standard environment variables:
      </p>
      <pre className="mt-2 overflow-x-auto rounded-md bg-surface-2 px-3 py-2 font-mono text-[13px]">
        {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://<flowdeck-host>:3000/api/otlp/v1/traces\nOTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf\nOTEL_EXPORTER_OTLP_TRACES_HEADERS=\"Authorization=Bearer <ingest token>\""}
      </pre>
      <p className="mt-2 text-muted">
        Sample saga, circuit-breaker and messaging spans at 100% (or tail-sample to keep them): Flowdeck builds
        sagas, breaker history and flows from them.
      </p>
    </div>
  );
}
