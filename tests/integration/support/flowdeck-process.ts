// Flowdeck processes a test starts (the worker, or an entry of the test's own) and must not leave behind.
import { spawn } from "node:child_process";

export type FlowdeckProcess = {
  pid: number;
  /** Resolves when the process has ended, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it printed so far (the last 256 KB), for failure messages. */
  output: () => string;
  alive: () => boolean;
  kill: (signal: NodeJS.Signals) => void;
};

const started = new Set<FlowdeckProcess>();
const OUTPUT_KEPT = 256 * 1024;

/** The worker's own environment (see `npm run start:worker`), for one cluster and one database. */
export function workerEnv(options: { databaseUrl: string; broker: string; workerPort: number; dlqTopicPattern: string }): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    FLOWDECK_CLUSTERS: "local",
    FLOWDECK_DEFAULT_CLUSTER: "local",
    KAFKA_LOCAL_BROKERS: options.broker,
    FLOWDECK_WORKER_PORT: String(options.workerPort),
    // The web server's port: nothing listens on it here, but it must differ from the worker's.
    PORT: options.workerPort === 3000 ? "3001" : "3000",
    // Only the test's own DLQ topics: other topics on the shared broker are not this test's to index.
    FLOWDECK_DLQ_TOPIC_PATTERN: options.dlqTopicPattern,
    FLOWDECK_DLQ_HEADER_SAMPLING: "off",
  };
}

/**
 * Starts `node --conditions=react-server --import tsx <entry>` from the project root, as `npm run
 * start:worker` runs the worker (server-only resolves to an empty module under that condition).
 */
export function startFlowdeckProcess(entry: string, env: Record<string, string>): FlowdeckProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  let output = "";
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const handle: FlowdeckProcess = {
    pid: child.pid,
    exited,
    output: () => output,
    alive: () => running,
    kill: (signal) => {
      if (running) child.kill(signal);
    },
  };
  started.add(handle);
  void exited.then(() => started.delete(handle));
  return handle;
}

/** Kills (SIGKILL) every process started here that is still running, and waits for them to end. */
export async function killStartedProcesses(): Promise<void> {
  const left = [...started];
  for (const p of left) p.kill("SIGKILL");
  await Promise.all(left.map((p) => p.exited));
}
