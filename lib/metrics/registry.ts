import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"route" | "method">;
  brokerCallSeconds: Histogram<"cluster" | "operation" | "outcome">;
  brokerBreakerState: Gauge<"cluster">;
  workerTaskRuns: Counter<"task" | "outcome">;
  projectionLagSeconds: Gauge;
  ingestSpans: Counter<"outcome">;
  ingestRequests: Counter<"status">;
  ingestAuthRejections: Counter<"reason">;
  ingestBatchSeconds: Histogram;
};

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "flowdeck_" });
  return {
    registry,
    httpRequests: new Counter({
      name: "flowdeck_http_requests_total",
      help: "HTTP requests received, by route and method",
      labelNames: ["route", "method"],
      registers: [registry],
    }),
    brokerCallSeconds: new Histogram({
      name: "flowdeck_broker_call_duration_seconds",
      help: "Latency of calls to Kafka brokers, by cluster, operation and outcome",
      labelNames: ["cluster", "operation", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    brokerBreakerState: new Gauge({
      name: "flowdeck_broker_circuit_state",
      help: "State of the circuit breaker in front of each cluster: 0 closed, 1 open, 2 half-open, 3 isolated",
      labelNames: ["cluster"],
      registers: [registry],
    }),
    workerTaskRuns: new Counter({
      name: "flowdeck_worker_task_runs_total",
      help: "Background task runs, by task and outcome",
      labelNames: ["task", "outcome"],
      registers: [registry],
    }),
    ingestSpans: new Counter({
      name: "flowdeck_ingest_spans_total",
      help: "Spans received over OTLP, by outcome: stored, duplicate (a retried export) or rejected",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    ingestRequests: new Counter({
      name: "flowdeck_ingest_requests_total",
      help: "OTLP export requests answered, by HTTP status",
      labelNames: ["status"],
      registers: [registry],
    }),
    ingestAuthRejections: new Counter({
      name: "flowdeck_ingest_auth_rejections_total",
      help: "OTLP export requests refused before their body was read, by reason: missing, malformed, unknown or revoked token",
      labelNames: ["reason"],
      registers: [registry],
    }),
    ingestBatchSeconds: new Histogram({
      name: "flowdeck_ingest_batch_duration_seconds",
      help: "Time to decode, validate and commit one OTLP export",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    projectionLagSeconds: new Gauge({
      name: "flowdeck_projection_lag_seconds",
      help: "Age of the oldest stored span not yet projected into sagas, breakers and flows",
      registers: [registry],
    }),
  };
}

// Next bundles route handlers and the proxy separately; one registry on globalThis keeps a single set of series.
const holder = globalThis as typeof globalThis & { __flowdeckMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.__flowdeckMetrics ??= create();
  return holder.__flowdeckMetrics;
}
