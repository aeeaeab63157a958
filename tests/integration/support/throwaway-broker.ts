import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port";

const run = promisify(execFile);

export type ThrowawayBroker = {
  /** host:port of its PLAINTEXT listener. */
  address: string;
  /** Starts it again (scripts/kafka/start.sh), on the same port and with the same data. */
  start: () => Promise<void>;
  /** A clean stop (scripts/kafka/stop.sh). */
  stop: () => Promise<void>;
  /** The broker process killed outright, as a crashed or powered-off broker. */
  kill: () => Promise<void>;
  /** Stops it and removes its state. */
  destroy: () => Promise<void>;
};

/**
 * A single-node broker of the test's own, started with the project's scripts/kafka scripts on free ports and
 * with its state under the OS temp dir, for tests that take a broker down: the shared one is never stopped.
 */
export async function startThrowawayBroker(): Promise<ThrowawayBroker> {
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), "flowdeck-kafka-"));
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_STATE_DIR: stateDir, KAFKA_HEAP: "384m" };
  const script = (name: string) => run("bash", [`scripts/kafka/${name}`], { env }).then(() => undefined);
  const pid = async () => Number(await fs.readFile(path.join(stateDir, "kafka.pid"), "utf8"));
  const broker: ThrowawayBroker = {
    address: `127.0.0.1:${port}`,
    start: () => script("start.sh"),
    stop: () => script("stop.sh"),
    kill: async () => {
      const id = await pid();
      process.kill(id, "SIGKILL");
      // Gone once its port refuses connections (a killed process may linger as a zombie until reaped).
      const deadline = Date.now() + 10_000;
      while (await listening(port)) {
        if (Date.now() > deadline) throw new Error(`broker ${id} still listening 10 s after SIGKILL`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    destroy: async () => {
      await script("stop.sh").catch(() => undefined);
      await fs.rm(stateDir, { recursive: true, force: true });
    },
  };
  try {
    await broker.start();
  } catch (error) {
    await broker.destroy();
    throw error;
  }
  return broker;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
