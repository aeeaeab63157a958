// Timings of the resilience patterns per profile. The demo profile is slow enough to watch a breaker open
// and recover; the test profile keeps every journey within seconds.
export type Timings = {
  /** Attempts at one message before it goes to the DLQ (the first try counts). */
  retryAttempts: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  breakerTimeoutMs: number;
  breakerResetMs: number;
  /** Calls within the rolling window before the breaker may open. */
  breakerVolumeThreshold: number;
  breakerRollingWindowMs: number;
  /** Concurrent calls to the shipping carrier; more are rejected, not queued. */
  carrierBulkheadLimit: number;
  outboxPollMs: number;
  knobPollMs: number;
  /** How soon the group notices a consumer that died without leaving (the broker's minimum is 6 s). */
  sessionTimeoutMs: number;
};

export const TIMINGS: Record<"demo" | "test", Timings> = {
  demo: {
    retryAttempts: 4,
    retryInitialDelayMs: 200,
    retryMaxDelayMs: 2_000,
    breakerTimeoutMs: 1_500,
    breakerResetMs: 5_000,
    breakerVolumeThreshold: 5,
    breakerRollingWindowMs: 10_000,
    carrierBulkheadLimit: 2,
    outboxPollMs: 100,
    knobPollMs: 500,
    sessionTimeoutMs: 10_000,
  },
  test: {
    retryAttempts: 3,
    retryInitialDelayMs: 20,
    retryMaxDelayMs: 100,
    breakerTimeoutMs: 500,
    breakerResetMs: 1_000,
    breakerVolumeThreshold: 3,
    breakerRollingWindowMs: 5_000,
    carrierBulkheadLimit: 2,
    outboxPollMs: 50,
    knobPollMs: 100,
    sessionTimeoutMs: 6_000,
  },
};
