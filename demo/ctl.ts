// `npm run demo:ctl -- <command>`: talk to a running demo.
//   knobs                      show every knob
//   knobs name=value ...       change knobs (e.g. payment.gatewayErrorRate=0.8 order.poisonRate=0.1)
//   stats                      orders by saga state
//   order [count]              place orders from the usual mix
import { demoConfig } from "./config";
import { parseKnobArguments } from "./knobs/knobs";
import { OrderApi } from "./load/order-api";
import { randomOrder } from "./load/order-mix";

async function main(args: string[]): Promise<void> {
  const api = new OrderApi(`http://127.0.0.1:${demoConfig().DEMO_ORDER_PORT}`);
  const [command, ...rest] = args;
  if (command === "knobs") {
    console.log(JSON.stringify(rest.length === 0 ? await api.knobs() : await api.setKnobs(parseKnobArguments(rest)), null, 2));
  } else if (command === "stats") {
    console.log(JSON.stringify(await api.stats(), null, 2));
  } else if (command === "order") {
    const count = Number(rest[0] ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error(`order count must be 1 to 10000, got "${rest[0] ?? ""}"`);
    for (let i = 0; i < count; i++) console.log(JSON.stringify(await api.placeOrder(randomOrder())));
  } else {
    throw new Error("usage: npm run demo:ctl -- knobs [name=value ...] | stats | order [count]");
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`demo:ctl: ${message.includes("fetch failed") ? "the demo is not running (no order service on its port)" : message}`);
  process.exit(1);
});
