// Scenarios: knob changes over time. The default one shows, within a minute of start, completed and
// compensated sagas, poison messages in a DLQ, and a payment-gateway outage that opens the breaker (then
// half-open, then closed again) and sends retried-out charges to the DLQ.
import type { KnobChanges } from "./knobs/knobs";

export type ScenarioStep = { atMs: number; knobs: KnobChanges; note: string };
export type Scenario = { name: string; description: string; steps: ScenarioStep[] };

const HEALTHY: KnobChanges = {
  "order.poisonRate": 0, "payment.gatewayErrorRate": 0, "payment.gatewayLatencyMs": 40, "shipping.carrierLatencyMs": 120,
  "inventory.crashRate": 0, "payment.crashRate": 0, "shipping.crashRate": 0, "order.crashRate": 0,
  "inventory.delayMs": 0, "payment.delayMs": 0, "shipping.delayMs": 0, "order.delayMs": 0,
};

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "default",
    description: "steady orders with a few poison messages; the payment gateway down from 8 s to 16 s; a slow carrier from 30 s to 45 s",
    steps: [
      { atMs: 0, knobs: { ...HEALTHY, "load.ordersPerSecond": 4, "order.poisonRate": 0.05, "payment.gatewayErrorRate": 0.02 }, note: "4 orders/s, 5% poison charge commands" },
      { atMs: 8_000, knobs: { "payment.gatewayErrorRate": 1 }, note: "payment gateway down: the breaker opens, charges retry and land in orders.payment.DLQ" },
      { atMs: 16_000, knobs: { "payment.gatewayErrorRate": 0.02 }, note: "payment gateway back: the breaker goes half-open, then closes" },
      { atMs: 30_000, knobs: { "shipping.carrierLatencyMs": 1_500 }, note: "shipping carrier slow: the bulkhead fills and rejects, bookings retry" },
      { atMs: 45_000, knobs: { "shipping.carrierLatencyMs": 120 }, note: "shipping carrier back to normal" },
    ],
  },
  {
    name: "steady",
    description: "orders at 2/s and nothing going wrong beyond declined cards and undeliverable addresses",
    steps: [{ atMs: 0, knobs: { ...HEALTHY, "load.ordersPerSecond": 2 }, note: "2 orders/s, no injected failures" }],
  },
  {
    name: "idle",
    description: "services up, no load: place orders and turn knobs yourself",
    steps: [{ atMs: 0, knobs: { ...HEALTHY, "load.ordersPerSecond": 0 }, note: "no load" }],
  },
];

export function findScenario(name: string): Scenario {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`unknown scenario "${name}"; one of ${SCENARIOS.map((s) => s.name).join(", ")}`);
  return scenario;
}

/** Applies each step at its time; returns a function that cancels the steps not yet applied. */
export function playScenario(scenario: Scenario, apply: (step: ScenarioStep) => Promise<void>): () => void {
  const timers = scenario.steps.map((step) => setTimeout(() => {
    apply(step).catch((error: unknown) => console.error(`scenario step "${step.note}" failed: ${(error as Error).message}`));
  }, step.atMs));
  return () => timers.forEach(clearTimeout);
}
