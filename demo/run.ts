// `npm run demo`: the local broker (started if it is not running), Flowdeck's and the demo's databases,
// Flowdeck itself, the four services and the load generator, playing a scenario (default: see
// scenarios.ts). Ctrl-C stops everything it started, the broker included when it started it.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { migrateDemoDatabase } from "./db/migrate";
import { OrderApi } from "./load/order-api";
import { loadGeneratorProcess, SERVICES, serviceProcess } from "./runner/node-processes";
import { ensureDemoAccount } from "./runner/demo-account";
import { Supervisor } from "./runner/supervisor";
import { httpOk, portOpen, waitUntil } from "./runner/wait";
import { findScenario, playScenario } from "./scenarios";
import { demoConfig } from "./config";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const { values: options } = parseArgs({ options: { scenario: { type: "string", default: "default" } } });
const scenario = findScenario(options.scenario);
const config = demoConfig();
const flowdeckPort = Number(process.env.PORT ?? 3000);
const flowdeckUrl = `http://127.0.0.1:${flowdeckPort}`;
const brokerPort = Number(config.DEMO_KAFKA_BROKERS.split(",")[0]?.split(":")[1] ?? 9092);
const supervisor = new Supervisor();
let startedBroker = false;
let stopScenario = (): void => {};

function say(line: string): void {
  console.log(`demo: ${line}`);
}

/**
 * A fresh ingest token for the services, named demo-services (the previous run's is replaced), from
 * Flowdeck's own command. Kept in memory and handed to the services only: never printed.
 */
function mintServicesToken(): string {
  say("minting the services' ingest token (demo-services)");
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest-token.ts", "rotate", "demo-services"], { encoding: "utf8" });
  const token = result.stdout.trim();
  if (result.status !== 0 || !/^fdi_[A-Za-z0-9_-]{43}$/.test(token)) throw new Error(`minting the services' ingest token failed: ${result.stderr.trim()}`);
  return token;
}

/** Runs a setup command in the foreground; a failure stops the demo with its output shown. */
function run(what: string, command: string, args: string[], env: Record<string, string> = {}): void {
  say(what);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${String(result.status ?? result.signal)})`);
}

async function start(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run `npm run setup` first (it writes .env)");
  if (!(await portOpen(brokerPort))) {
    run("starting the local Kafka broker", "bash", ["scripts/kafka/start.sh"], { KAFKA_PORT: String(brokerPort) });
    startedBroker = true;
  }
  run("preparing Flowdeck's database", process.execPath, ["scripts/db/ensure-database.mjs"]);
  run("applying Flowdeck's migrations", "npx", ["prisma", "migrate", "deploy"]);
  say(`making the sign-in account ${config.DEMO_SIGN_IN_EMAIL}, and preparing the demo's database`);
  const [password] = await Promise.all([ensureDemoAccount(config), migrateDemoDatabase(config.DEMO_DATABASE_URL)]);
  const servicesToken = process.env.DEMO_OTLP_URL ? "" : mintServicesToken();
  if (spawnSync("test", ["-f", ".next/BUILD_ID"]).status !== 0) run("building Flowdeck (once, about a minute)", "npx", ["next", "build"]);

  say(`starting Flowdeck on ${flowdeckUrl}`);
  // Sagas that wait a minute count as stuck here, so the demo shows them without a quarter-hour wait.
  supervisor.start({ name: "flowdeck", command: process.execPath, args: ["scripts/start.mjs"], env: { FLOWDECK_STUCK_SAGA_THRESHOLD: process.env.FLOWDECK_STUCK_SAGA_THRESHOLD ?? "1m" } });
  await waitUntil("Flowdeck to answer /api/health/ready", () => httpOk(`${flowdeckUrl}/api/health/ready`), 90_000);

  const serviceEnv: Record<string, string> = { DEMO_OTLP_URL: process.env.DEMO_OTLP_URL ?? `${flowdeckUrl}/api/otlp/v1/traces` };
  // The services' OpenTelemetry exporters read the standard header variable, as any exporter would. A
  // DEMO_OTLP_URL elsewhere gets no token of this Flowdeck: set OTEL_EXPORTER_OTLP_HEADERS for it yourself.
  if (!process.env.DEMO_OTLP_URL) serviceEnv.OTEL_EXPORTER_OTLP_TRACES_HEADERS = `Authorization=Bearer ${servicesToken}`;
  for (const service of SERVICES) supervisor.start(serviceProcess(service, serviceEnv));
  const api = new OrderApi(`http://127.0.0.1:${config.DEMO_ORDER_PORT}`);
  await waitUntil("the order service", () => api.healthy(), 60_000);
  supervisor.start(loadGeneratorProcess(serviceEnv));

  say(`scenario "${scenario.name}": ${scenario.description}`);
  stopScenario = playScenario(scenario, async (step) => {
    await api.setKnobs(step.knobs);
    say(`t+${step.atMs / 1000}s ${step.note}`);
  });
  say(`ready in ${Math.round(process.uptime())} s. Open ${flowdeckUrl} — sagas, breakers, flows and the orders.payment.DLQ fill within a minute.`);
  say(password
    ? `sign in as ${config.DEMO_SIGN_IN_EMAIL} with the password ${password}`
    : `sign in as ${config.DEMO_SIGN_IN_EMAIL} (the account existed already; set a new password with npm run user -- set-password --email ${config.DEMO_SIGN_IN_EMAIL})`);
  say(`order API ${api.baseUrl} (POST /orders, GET /stats); turn knobs with: npm run demo:ctl -- knobs payment.gatewayErrorRate=0.8`);
  say("Ctrl-C stops everything.");
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say("stopping…");
  stopScenario();
  await supervisor.stopAll();
  if (startedBroker) spawnSync("bash", ["scripts/kafka/stop.sh"], { stdio: "inherit", env: { ...process.env, KAFKA_PORT: String(brokerPort) } });
  say("stopped; nothing left running.");
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop(0));
start().catch((error: unknown) => {
  console.error(`demo: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
