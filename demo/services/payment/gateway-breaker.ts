// The payment gateway behind an opossum circuit breaker. Each guarded call is a CLIENT span carrying
// circuit_breaker.name and circuit_breaker.outcome; each state change is a span with a
// circuit_breaker.state_change event, so Flowdeck can draw the breaker's history.
import { SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import CircuitBreaker from "opossum";
import { tracer } from "../../telemetry/tracing";
import type { Timings } from "../../timings";

export const BREAKER_NAME = "payment-gateway";

type BreakerState = "closed" | "open" | "half_open";
type Outcome = "success" | "failure" | "timeout" | "rejected";

export class GatewayBreaker {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>]>;
  private state: BreakerState = "closed";

  constructor(timings: Timings) {
    this.breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
      name: BREAKER_NAME,
      timeout: timings.breakerTimeoutMs,
      resetTimeout: timings.breakerResetMs,
      errorThresholdPercentage: 50,
      volumeThreshold: timings.breakerVolumeThreshold,
      rollingCountTimeout: timings.breakerRollingWindowMs,
    });
    this.breaker.on("open", () => this.changeState("open"));
    this.breaker.on("halfOpen", () => this.changeState("half_open"));
    this.breaker.on("close", () => this.changeState("closed"));
  }

  /** Runs `call` through the breaker inside a span named `operation`; throws what the breaker or the call threw. */
  async fire<T>(operation: string, call: () => Promise<T>, attributes: Attributes = {}): Promise<T> {
    return tracer().startActiveSpan(`${BREAKER_NAME} ${operation}`, { kind: SpanKind.CLIENT, attributes: { ...attributes, "circuit_breaker.name": BREAKER_NAME } }, async (span) => {
      try {
        const result = (await this.breaker.fire(call)) as T;
        span.setAttribute("circuit_breaker.outcome", "success" satisfies Outcome);
        return result;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        span.setAttribute("circuit_breaker.outcome", outcomeOf(failure));
        span.recordException(failure);
        span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
        throw failure;
      } finally {
        span.end();
      }
    });
  }

  get currentState(): BreakerState {
    return this.state;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private changeState(to: BreakerState): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    console.log(`payment: circuit breaker ${BREAKER_NAME} ${from} → ${to}`);
    const span = tracer().startSpan(`circuit_breaker ${BREAKER_NAME} ${to}`, { attributes: { "circuit_breaker.name": BREAKER_NAME } });
    span.addEvent("circuit_breaker.state_change", {
      "circuit_breaker.name": BREAKER_NAME,
      "circuit_breaker.state": to,
      "circuit_breaker.previous_state": from,
    });
    span.end();
  }
}

/** opossum marks its own errors with a code: ETIMEDOUT for a call over the timeout, EOPENBREAKER when open. */
function outcomeOf(error: Error): Outcome {
  const code = (error as { code?: unknown }).code;
  if (code === "ETIMEDOUT") return "timeout";
  if (code === "EOPENBREAKER") return "rejected";
  return "failure";
}
