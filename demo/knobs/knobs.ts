// Failure knobs: what an operator (or a test) turns at run time to make the system misbehave. All live in
// one table, so a change reaches every service within a poll interval.
import { z } from "zod";

const Rate = z.number().min(0).max(1);
const Millis = z.number().int().min(0).max(60_000);

export const Knobs = z.object({
  /** Orders the load generator places per second. */
  "load.ordersPerSecond": z.number().min(0).max(200),
  /** Share of payment commands the order service writes malformed: they fail validation and go to the DLQ. */
  "order.poisonRate": Rate,
  /** Share of calls to the payment gateway that fail, and how long each takes (beyond the breaker timeout = a timeout). */
  "payment.gatewayErrorRate": Rate,
  "payment.gatewayLatencyMs": Millis,
  /** How long the shipping carrier takes per shipment; above a few hundred ms the bulkhead starts rejecting. */
  "shipping.carrierLatencyMs": Millis,
  /** Chance per message that a consumer crashes mid-message (after its side effect, before it commits). */
  "inventory.crashRate": Rate,
  "payment.crashRate": Rate,
  "shipping.crashRate": Rate,
  "order.crashRate": Rate,
  /** Extra time per message: a slow consumer whose lag grows. */
  "inventory.delayMs": Millis,
  "payment.delayMs": Millis,
  "shipping.delayMs": Millis,
  "order.delayMs": Millis,
});
export type Knobs = z.infer<typeof Knobs>;
export type KnobName = keyof Knobs;

export const DEFAULT_KNOBS: Knobs = {
  "load.ordersPerSecond": 0,
  "order.poisonRate": 0,
  "payment.gatewayErrorRate": 0,
  "payment.gatewayLatencyMs": 40,
  "shipping.carrierLatencyMs": 80,
  "inventory.crashRate": 0,
  "payment.crashRate": 0,
  "shipping.crashRate": 0,
  "order.crashRate": 0,
  "inventory.delayMs": 0,
  "payment.delayMs": 0,
  "shipping.delayMs": 0,
  "order.delayMs": 0,
};

export const KnobChanges = Knobs.partial().strict();
export type KnobChanges = z.infer<typeof KnobChanges>;

/** Parses `name=value` pairs from the command line into validated changes; throws one clear line otherwise. */
export function parseKnobArguments(pairs: readonly string[]): KnobChanges {
  const raw: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([a-zA-Z.]+)=(.+)$/.exec(pair);
    const value = Number(match?.[2]);
    if (!match?.[1] || !Number.isFinite(value)) throw new Error(`expected name=number, got "${pair}"`);
    raw[match[1]] = value;
  }
  return validateKnobChanges(raw);
}

export function validateKnobChanges(input: unknown): KnobChanges {
  const parsed = KnobChanges.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") throw new Error(`unknown knob ${issue.keys.join(", ")} (known: ${Object.keys(DEFAULT_KNOBS).join(", ")})`);
  throw new Error(`${issue?.path.join(".") || "knobs"}: ${issue?.message ?? "invalid"}`);
}
