// A simulated external payment gateway. Like a real one (Stripe, Adyen) it takes an idempotency key: a
// repeated charge or refund with the same key returns the first result and moves no money twice. Its ledger
// (gateway_operations) stands for the provider's side of the books. Knobs make it slow or failing.
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Knobs } from "../../knobs/knobs";

export class GatewayUnavailableError extends Error {
  override name = "GatewayUnavailableError";
}

export type ChargeResult = { outcome: "charged"; chargeId: string } | { outcome: "declined"; reason: string };

/** Test cards ending in 0002 are declined, as with real gateways' test numbers. */
export function isDeclinedCard(card: string): boolean {
  return card.endsWith("0002");
}

export class PaymentGateway {
  constructor(private readonly pool: pg.Pool, private readonly knobs: () => Knobs) {}

  /** Charges the card once per idempotency key: the caller must send the same key when it retries. */
  async charge(idempotencyKey: string, orderId: string, amountCents: number, card: string): Promise<ChargeResult> {
    await this.behaveLikeANetwork();
    if (isDeclinedCard(card)) return { outcome: "declined", reason: "card declined by issuer" };
    const chargeId = await this.record(idempotencyKey, "charge", orderId, amountCents);
    return { outcome: "charged", chargeId };
  }

  async refund(idempotencyKey: string, orderId: string, amountCents: number): Promise<string> {
    await this.behaveLikeANetwork();
    return this.record(idempotencyKey, "refund", orderId, amountCents);
  }

  private async behaveLikeANetwork(): Promise<void> {
    const knobs = this.knobs();
    const latency = knobs["payment.gatewayLatencyMs"];
    await new Promise((resolve) => setTimeout(resolve, latency * (0.5 + Math.random())));
    if (Math.random() < knobs["payment.gatewayErrorRate"]) throw new GatewayUnavailableError("payment gateway answered 503");
  }

  /** The first call with a key records the operation; later ones find it there and move no money. */
  private async record(key: string, kind: "charge" | "refund", orderId: string, amountCents: number): Promise<string> {
    await this.pool.query(
      "INSERT INTO gateway_operations (idempotency_key, kind, order_id, amount_cents) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      [key, kind, orderId, amountCents]);
    return `${kind === "charge" ? "ch" : "re"}_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
  }
}
