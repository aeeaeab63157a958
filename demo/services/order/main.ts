// Order: the HTTP API that takes orders, and the orchestrator of the order-fulfillment saga.
import { exitOnStartFailure, startRuntime } from "../runtime";
import { startHttpApi } from "./http-api";
import { handleReply } from "./orchestrator";

async function main(): Promise<void> {
  const runtime = await startRuntime("order");
  await runtime.consume(runtime.topics.replies, (delivery) => handleReply(runtime, delivery));
  const server = await startHttpApi(runtime, runtime.config.DEMO_ORDER_PORT);
  runtime.onStop(() => new Promise((resolve) => server.close(() => resolve())));
  console.log(`order: API on http://127.0.0.1:${runtime.config.DEMO_ORDER_PORT}, consuming ${runtime.topics.replies}`);
}

main().catch((error: unknown) => exitOnStartFailure("order", error));
