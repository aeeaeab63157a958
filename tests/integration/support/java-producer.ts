import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";


/** The jars the local broker runs on; they include the Java Kafka client and its codecs (lz4, zstd). */
function kafkaClasspath(): string {
  const out = execFileSync("bash", ["-c", 'source scripts/kafka/common.sh; echo "$KAFKA_LIBS"'], { encoding: "utf8" }).trim();
  return `${out}/*`;
}

/** Compiles and runs one of the small Java programs in support/java against the Kafka client jars. */
function runJava(program: string, args: string[]): void {
  const classes = fs.mkdtempSync(path.join(os.tmpdir(), "flowdeck-java-"));
  try {
    execFileSync("javac", ["-cp", kafkaClasspath(), "-d", classes, path.resolve(`tests/integration/support/java/${program}.java`)], { stdio: "pipe" });
    execFileSync("java", ["-cp", `${classes}:${kafkaClasspath()}`, program, ...args], { stdio: "pipe" });
  } finally {
    fs.rmSync(classes, { recursive: true, force: true });
  }
}

/** Produces `count` messages to `topic` with the Java client and compression `codec`. */
export function produceWithJavaClient(bootstrap: string, topic: string, codec: "lz4" | "zstd" | "snappy" | "gzip", count: number): void {
  runJava("CompressedProducer", [bootstrap, topic, codec, String(count)]);
}

/** Deletes the partition's records below `offset` with the Java admin client, as retention would. */
export function deleteRecordsWithJavaClient(bootstrap: string, topic: string, partition: number, offset: number): void {
  runJava("DeleteRecords", [bootstrap, topic, String(partition), String(offset)]);
}
