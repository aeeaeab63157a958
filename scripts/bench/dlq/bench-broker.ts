// A single-node broker of the benchmark's own, started with the project's scripts/kafka on free ports with its
// state in the OS temp dir: a shared broker would have other Flowdeck workers index (and time) the same DLQ.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type BenchBroker = { address: string; stop: () => void };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startBenchBroker(): Promise<BenchBroker> {
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdeck-bench-kafka-"));
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_STATE_DIR: stateDir, KAFKA_HEAP: "1g" };
  const script = (name: string) => execFileSync("bash", [`scripts/kafka/${name}`], { env, stdio: "inherit" });
  const stop = () => {
    try {
      script("stop.sh");
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  };
  try {
    script("start.sh");
  } catch (error) {
    stop();
    throw error;
  }
  return { address: `127.0.0.1:${port}`, stop };
}
