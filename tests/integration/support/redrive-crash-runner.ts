// A redrive executor that dies at a chosen moment: run by tests/integration/dlq-redrive-crash.test.ts as
// `node --conditions=react-server --import tsx tests/integration/support/redrive-crash-runner.ts`, with the
// worker's environment and REDRIVE_CRASH_JOB, REDRIVE_CRASH_AT_BATCH, REDRIVE_CRASH_BATCH_SIZE. It runs the executor in a loop, as the
// worker's redrive-executor task does, and kills its own process with SIGKILL right after that job's batch
// was produced and before it is marked sent: the window that the in-doubt scan exists for.
import { setTimeout as sleep } from "node:timers/promises";
import { getPool } from "@/lib/db";
import { runRedriveExecutor } from "@/lib/dlq/redrive/executor";

const jobId = process.env.REDRIVE_CRASH_JOB ?? "";
const atBatch = Number(process.env.REDRIVE_CRASH_AT_BATCH);
const batchSize = Number(process.env.REDRIVE_CRASH_BATCH_SIZE);
if (jobId === "" || !Number.isInteger(atBatch) || atBatch < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
  console.error("redrive-crash-runner: set REDRIVE_CRASH_JOB, REDRIVE_CRASH_AT_BATCH (a batch number, from 1) and REDRIVE_CRASH_BATCH_SIZE");
  process.exit(2);
}

const signal = new AbortController().signal;
// Counted across executor runs: a run that lets the job go (a Kafka call timing out on a busy machine makes it
// wait) starts its own numbering again, and the crash must still come after the job's atBatch-th batch.
let produced = 0;
const afterProduce = (job: string) => {
  if (job !== jobId || ++produced !== atBatch) return;
  console.log(JSON.stringify({ msg: "crashing after produce", job, batch: produced }));
  process.kill(process.pid, "SIGKILL");
};

for (;;) {
  await runRedriveExecutor(signal, { afterProduce, batchSize });
  const { rows } = await getPool().query<{ status: string }>("SELECT status FROM redrive_jobs WHERE id = $1", [jobId]);
  const status = rows[0]?.status ?? "missing";
  if (status !== "running") {
    // The crash never came: the job ended (or is gone) before batch atBatch was produced.
    console.error(`redrive-crash-runner: job ${jobId} is ${status}; batch ${atBatch} was never produced`);
    process.exit(3);
  }
  await sleep(200);
}
