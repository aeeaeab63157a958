// A small client of the order service's HTTP API, shared by the load generator, the CLI and test fixtures.
import type { Knobs, KnobChanges } from "../knobs/knobs";

export type PlacedOrder = { orderId: string; sagaId: string };
export type NewOrder = { sku: string; quantity: number; card: string; address: string };

export class OrderApi {
  constructor(readonly baseUrl: string) {}

  placeOrder(order: NewOrder): Promise<PlacedOrder> {
    return this.call<PlacedOrder>("POST", "/orders", order);
  }

  /** Orders by saga state (reserving, charging, …, completed, compensated, failed). */
  stats(): Promise<Record<string, number>> {
    return this.call("GET", "/stats");
  }

  knobs(): Promise<Knobs> {
    return this.call("GET", "/knobs");
  }

  setKnobs(changes: KnobChanges): Promise<Knobs> {
    return this.call("PUT", "/knobs", changes);
  }

  async healthy(): Promise<boolean> {
    return this.call("GET", "/health").then(() => true, () => false);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    const json = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${(json as { error?: string }).error ?? ""}`.trim());
    return json as T;
  }
}
