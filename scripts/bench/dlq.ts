// DLQ benchmark (npm run bench:dlq): fills DLQ topics of 10,000 and 1,000,000 messages (1 KB values, the
// reference system's headers, 6 partitions), then reports, each against a baseline measured in the same run:
// the index rate against a raw kafkajs consumer COPYing the same rows into a copy of the indexed table; the
// server-side p50/p95 of the DLQ pages' queries per size and their growth; a bulk redrive against a raw
// consume-and-produce pipe (acks=all); and whether a velocity limit holds. Options: --sizes 10000,1000000
// --redrive 100000 --velocity 500 --velocity-count 5000 --rounds 50 (or BENCH_DLQ_* variables); a smoke run:
// --sizes 10000 --redrive 5000 --velocity-count 1000. Uses a database and topics of its own and removes them.
import "./load-env"; // first: what follows may read the configuration
import { randomUUID } from "node:crypto";
import { disconnectDb } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { benchDatabaseUrl, createBenchDatabase, dropBenchDatabase, requireFreeDisk } from "./bench-database";
import { ORIGINALS, type FillPlan } from "./dlq/dead-letters";
import { n } from "./dlq/format";
import { startBenchBroker } from "./dlq/bench-broker";
import { createTopics, deleteTopics, useBroker } from "./dlq/kafka";
import { describeMachine, loadAverage } from "./dlq/machine";
import { readOptions } from "./dlq/options";
import { createRawTable } from "./dlq/raw-index";
import { originalTopics, rawTargetTopics, runRedrive } from "./dlq/redrive-run";
import { indexLines, queryLines, redriveLines, summaryLine } from "./dlq/report";
import { runSize, type SizeResult } from "./dlq/size-run";
import { timeTopicQueries } from "./dlq/topic-queries";

const DATABASE_URL = benchDatabaseUrl("flowdeck_bench_dlq");
const DAY_MS = 86_400_000;
// Kafka's copy, Flowdeck's index row and the baseline's (each ~2.5 KB with indexes) and the WAL behind them.
const BYTES_PER_MESSAGE = 8_000;

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const machine = await describeMachine(benchDatabaseUrl("postgres"));
  console.log(machine);
  const messages = options.sizes.reduce((a, b) => a + b, 0);
  requireFreeDisk(Math.ceil((messages * BYTES_PER_MESSAGE) / 1e9) + 2);
  const prefix = `flowdeck-bench-${randomUUID().slice(0, 8)}`;
  const broker = await startBenchBroker();
  useBroker(broker.address);
  // Set before lib/ reads its configuration.
  Object.assign(process.env, {
    DATABASE_URL, FLOWDECK_CLUSTERS: "local", KAFKA_LOCAL_BROKERS: broker.address, FLOWDECK_LOG_LEVEL: "warn",
    FLOWDECK_DLQ_TOPIC_PATTERN: `^${prefix}-\\d+\\.DLQ$`,
  });
  createBenchDatabase(DATABASE_URL);
  const topics = [...originalTopics(prefix), ...rawTargetTopics(prefix)];
  try {
    await createTopics(topics, options.partitions);
    await createRawTable(DATABASE_URL);
    const startMs = Date.now() - DAY_MS;
    const results: SizeResult[] = [];
    let largest: FillPlan | undefined;
    for (const count of options.sizes) {
      largest = { prefix, topic: `${prefix}-${count}.DLQ`, count, partitions: options.partitions, startMs, spanMs: DAY_MS };
      topics.push(largest.topic);
      await createTopics([largest.topic], options.partitions);
      results.push(await runSize(DATABASE_URL, largest, options.rounds));
    }
    if (!largest) throw new Error("no DLQ size to run");
    await timeTopicQueries(results, options.rounds);
    const redrive = await runRedrive(largest, options.redrive, options.velocity, options.velocityCount);

    console.log("");
    console.log(machine);
    console.log(`load average at the end ${loadAverage()}`);
    console.log(`DLQ: ${options.partitions} partitions, 1 KB JSON values, keyed; headers event-id, traceparent, saga.id (70%), dlq.original.*, `
      + `dlq.consumer.group, dlq.error.type/message/stack, dlq.failed.at, dlq.attempts; ${ORIGINALS.length} original topics`);
    for (const r of results) console.log(`fill ${n(r.plan.count)}: ${r.fillSeconds.toFixed(1)} s (${n(r.plan.count / r.fillSeconds)} msg/s; setup, not a figure)`);
    for (const line of [...indexLines(results), ...queryLines(results, options.rounds), ...redriveLines(redrive, options.velocity)]) console.log(line);
    console.log(summaryLine(results, redrive, options.velocity));
  } finally {
    await closeAllClusters();
    await disconnectDb().catch(() => {});
    await deleteTopics(topics).catch((error: unknown) => console.error(`bench: could not delete topics ${topics.join(", ")}: ${String(error)}`));
    broker.stop();
    dropBenchDatabase(DATABASE_URL);
  }
}

await main();
