import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
} from "cockatiel";
import { AppError } from "@/lib/errors";
import { errorMessage, log } from "@/lib/log";
import { getMetrics } from "@/lib/metrics/registry";
import { brokerAnswer } from "./broker-answer";
import { ReaderClosedError } from "./offset-reader";

export type GuardOptions = { timeoutMs: number; halfOpenAfterMs: number; failuresToOpen: number };
export type GuardState = { state: "closed" | "open" | "half_open" | "isolated"; since: Date; lastError?: string };

const STATE_NAMES = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Isolated]: "isolated",
} as const;

function describeFailure(error: unknown): string {
  return error instanceof TaskCancelledError ? "no answer in time" : errorMessage(error);
}

/**
 * Every call to one cluster's brokers passes through here: a hard timeout (kafkajs can wait forever on
 * a frozen broker) inside a circuit breaker (a dead cluster then fails at once instead of once per call).
 */
export class BrokerGuard {
  private readonly policy;
  private readonly breaker;
  private status: GuardState = { state: "closed", since: new Date() };

  constructor(
    private readonly cluster: string,
    options: GuardOptions,
    private readonly onFailure: () => void,
  ) {
    // Only failures to reach the cluster count; a broker that answers "no such topic" is healthy.
    // A read cut short because the reader was closed after another failure is that failure's echo, not a second one.
    this.breaker = circuitBreaker(handleWhen((error) => brokerAnswer(error) === undefined && !(error instanceof ReaderClosedError)), {
      halfOpenAfter: options.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.failuresToOpen),
    });
    this.policy = wrap(this.breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
    const gauge = getMetrics().brokerBreakerState;
    gauge.set({ cluster }, 0);
    this.breaker.onStateChange((state) => {
      // The failure that opened the circuit is recorded before this event fires.
      const failure = this.breaker.lastFailure;
      const lastError = failure && "error" in failure ? describeFailure(failure.error) : this.status.lastError;
      this.status = { state: STATE_NAMES[state], since: new Date(), lastError };
      gauge.set({ cluster }, state);
      if (state === CircuitState.Open) log.warn("cluster unreachable; failing fast until it answers", { cluster, error: lastError });
      if (state === CircuitState.Closed) log.info("cluster answering again", { cluster });
    });
  }

  get state(): GuardState {
    return this.status;
  }

  async run<T>(operation: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const timer = getMetrics().brokerCallSeconds.startTimer({ cluster: this.cluster, operation });
    try {
      // A signal per call: cockatiel's shared default would collect a listener per concurrent call.
      const result = await this.policy.execute(({ signal }) => fn(signal), new AbortController().signal);
      timer({ outcome: "ok" });
      return result;
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        timer({ outcome: "rejected" });
        throw new AppError("UNAVAILABLE", `Cluster ${this.cluster} is unreachable (${this.status.lastError ?? "recent calls failed"}); retrying shortly.`);
      }
      const answer = brokerAnswer(error);
      if (answer) {
        timer({ outcome: "refused" });
        throw answer;
      }
      timer({ outcome: error instanceof TaskCancelledError ? "timeout" : "error" });
      if (error instanceof ReaderClosedError) throw new AppError("UNAVAILABLE", `Cluster ${this.cluster}: ${operation} was cut short (${error.message}); retrying shortly.`);
      this.onFailure();
      const reason = describeFailure(error);
      this.status = { ...this.status, lastError: reason };
      throw new AppError("UNAVAILABLE", `Cluster ${this.cluster}: ${operation} failed: ${reason}.`);
    }
  }
}
