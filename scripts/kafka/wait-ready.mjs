// Waits until a Kafka broker answers a metadata request, printing a dot a second; exits 1 on timeout
// or when the broker process (pid file) has died.
import fs from "node:fs";
import { Kafka, logLevel } from "kafkajs";

const [broker, timeoutArg = "90", pidFile] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg) * 1000;
const kafka = new Kafka({ clientId: "flowdeck-wait-ready", brokers: [broker], logLevel: logLevel.NOTHING,
  connectionTimeout: 1000, requestTimeout: 2000, retry: { retries: 0 } });

function processAlive() {
  if (!pidFile) return true;
  try { process.kill(Number(fs.readFileSync(pidFile, "utf8")), 0); return true; } catch { return false; }
}

process.stdout.write("kafka: waiting for the broker");
while (Date.now() < deadline) {
  if (!processAlive()) { process.stdout.write(" the broker process exited\n"); process.exit(1); }
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    if (brokers.length > 0) { process.stdout.write(" up\n"); await admin.disconnect(); process.exit(0); }
  } catch { /* not up yet */ }
  await admin.disconnect().catch(() => {});
  process.stdout.write(".");
  await new Promise((r) => setTimeout(r, 1000));
}
process.stdout.write(" timed out\n");
process.exit(1);
