import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const source = path.resolve("tests/integration/support/java/CompressedProducer.java");

/** The jars the local broker runs on; they include the Java Kafka client and its codecs (lz4, zstd). */
function kafkaClasspath(): string {
  const out = execFileSync("bash", ["-c", 'source scripts/kafka/common.sh; echo "$KAFKA_LIBS"'], { encoding: "utf8" }).trim();
  return `${out}/*`;
}

/** Produces `count` messages to `topic` with the Java client and compression `codec`. */
export function produceWithJavaClient(bootstrap: string, topic: string, codec: "lz4" | "zstd" | "snappy" | "gzip", count: number): void {
  const classes = fs.mkdtempSync(path.join(os.tmpdir(), "flowdeck-java-"));
  try {
    execFileSync("javac", ["-cp", kafkaClasspath(), "-d", classes, source], { stdio: "pipe" });
    execFileSync("java", ["-cp", `${classes}:${kafkaClasspath()}`, "CompressedProducer", bootstrap, topic, codec, String(count)], { stdio: "pipe" });
  } finally {
    fs.rmSync(classes, { recursive: true, force: true });
  }
}
