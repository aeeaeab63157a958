// The load generator: places orders at the rate the load.ordersPerSecond knob says, read from the order
// API each second, so the rate can be changed while it runs (`npm run demo:ctl -- knobs load.ordersPerSecond=10`).
import { demoConfig } from "../config";
import { OrderApi } from "./order-api";
import { randomOrder } from "./order-mix";

const api = new OrderApi(`http://127.0.0.1:${demoConfig().DEMO_ORDER_PORT}`);
let rate = 0;
let stopped = false;

async function followRate(): Promise<void> {
  while (!stopped) {
    rate = await api.knobs().then((knobs) => knobs["load.ordersPerSecond"], () => rate);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function placeOrders(): Promise<void> {
  let placed = 0;
  let failed = 0;
  let lastReport = Date.now();
  while (!stopped) {
    if (rate <= 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const started = Date.now();
    await api.placeOrder(randomOrder()).then(() => placed++, (error: unknown) => {
      failed++;
      if (failed % 20 === 1) console.error(`could not place an order: ${(error as Error).message}`);
    });
    if (Date.now() - lastReport >= 10_000) {
      console.log(`placed ${placed} orders (${rate}/s)${failed > 0 ? `, ${failed} failed` : ""}`);
      lastReport = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 / rate - (Date.now() - started))));
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => (stopped = true));
void followRate();
void placeOrders().then(() => process.exit(0));
