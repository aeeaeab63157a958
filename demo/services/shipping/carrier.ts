// A simulated shipping carrier behind a bulkhead: at most `limit` shipments are booked at once, and a call
// beyond that is rejected at once (the consumer retries it later) rather than queueing without bound.
// Each call is a span with bulkhead.name and bulkhead.outcome; a call that fills the bulkhead adds a
// bulkhead.saturation event.
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { createHash } from "node:crypto";
import { bulkhead, BulkheadRejectedError, type BulkheadPolicy } from "cockatiel";
import { tracer } from "../../telemetry/tracing";

export const BULKHEAD_NAME = "shipping-carrier";

export type BookingResult = { outcome: "booked"; tracking: string } | { outcome: "undeliverable"; reason: string };

/** Addresses the carrier cannot serve: orders to them fail at the last step and are compensated. */
export function isUndeliverable(address: string): boolean {
  return /undeliverable|nowhere/i.test(address);
}

export class Carrier {
  private readonly policy: BulkheadPolicy;

  constructor(private readonly limit: number, private readonly latencyMs: () => number) {
    this.policy = bulkhead(limit, 0);
  }

  async book(orderId: string, address: string): Promise<BookingResult> {
    return tracer().startActiveSpan(`${BULKHEAD_NAME} book`, { kind: SpanKind.CLIENT, attributes: { "bulkhead.name": BULKHEAD_NAME } }, async (span) => {
      try {
        const result = await this.policy.execute(async () => {
          span.setAttribute("bulkhead.outcome", "admitted");
          const inFlight = this.limit - this.policy.executionSlots;
          if (inFlight >= this.limit) span.addEvent("bulkhead.saturation", { "bulkhead.in_flight": inFlight, "bulkhead.limit": this.limit });
          return this.callCarrier(orderId, address);
        });
        return result;
      } catch (error) {
        if (error instanceof BulkheadRejectedError) span.setAttribute("bulkhead.outcome", "rejected");
        const failure = error instanceof Error ? error : new Error(String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
        throw failure;
      } finally {
        span.end();
      }
    });
  }

  private async callCarrier(orderId: string, address: string): Promise<BookingResult> {
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs() * (0.5 + Math.random())));
    if (isUndeliverable(address)) return { outcome: "undeliverable", reason: `carrier cannot deliver to "${address}"` };
    // The carrier's tracking number is derived from the order, so booking twice gives the same shipment.
    return { outcome: "booked", tracking: `TRK${createHash("sha256").update(orderId).digest("hex").slice(0, 10).toUpperCase()}` };
  }
}
