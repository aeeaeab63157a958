// Entry point of the worker process: `npm run start:worker` (started beside the web server by `npm start`).
// Run with Node's react-server condition so `server-only` resolves to an empty module outside Next.
import nextEnv from "@next/env";
import { getConfig } from "@/lib/config";
import { errorMessage, log, setLogLevel } from "@/lib/log";
import { startConfiguredProcess } from "@/lib/startup/preflight";
import { startConfiguredSelfTracing, stopSelfTracing } from "@/lib/telemetry";
import { startHealthServer } from "./health-server";
import { startWorker } from "./runner";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
await startConfiguredProcess("worker");
const config = getConfig();
setLogLevel(config.logLevel);
await startConfiguredSelfTracing("worker");

const health = await startHealthServer(config.workerPort, config.metricsToken).catch((error: unknown) => {
  console.error(`flowdeck worker: cannot listen on 127.0.0.1:${config.workerPort} (FLOWDECK_WORKER_PORT): ${errorMessage(error)}`);
  process.exit(1);
});
const worker = await startWorker();

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("signal received", { signal });
    health.close();
    void worker.stop().then(stopSelfTracing).then(() => process.exit(0));
  });
}
