// One DLQ size: fill it, index it with Flowdeck and with the raw baseline, then time the DLQ list with it in.
import pg from "pg";
import { endOffsets, fill } from "./kafka";
import { flowdeckIndex } from "./flowdeck-index";
import { n } from "./format";
import { listCase, timeQueries, type TimedQuery } from "./queries";
import { RAW_TABLE, rawIndex } from "./raw-index";
import type { FillPlan } from "./dead-letters";

export type SizeResult = { plan: FillPlan; fillSeconds: number; flowdeckSeconds: number; rawSeconds: number; queries: Map<string, TimedQuery> };

const STEP_TIMEOUT_MS = 20 * 60_000;

async function sql(databaseUrl: string, statement: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(statement, params);
  } finally {
    await client.end();
  }
}

async function rowsOf(databaseUrl: string, table: string, topic: string): Promise<number> {
  const { rows } = await sql(databaseUrl, `SELECT count(*)::int AS n FROM ${table} WHERE topic = $1`, [topic]);
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}

export async function runSize(databaseUrl: string, plan: FillPlan, rounds: number): Promise<SizeResult> {
  const started = performance.now();
  await fill(plan);
  const fillSeconds = (performance.now() - started) / 1000;
  console.log(`bench: filled ${plan.topic} with ${n(plan.count)} messages in ${fillSeconds.toFixed(1)} s`);

  // Each contender starts from a checkpoint, so neither pays for the other's dirty pages.
  await sql(databaseUrl, "CHECKPOINT");
  const flowdeckSeconds = await flowdeckIndex(plan.topic, plan.count, STEP_TIMEOUT_MS);
  const indexed = await rowsOf(databaseUrl, "dlq_messages", plan.topic);
  if (indexed !== plan.count) throw new Error(`Flowdeck indexed ${indexed} rows, expected ${plan.count}`);
  console.log(`bench: Flowdeck indexed ${n(plan.count)} in ${flowdeckSeconds.toFixed(1)} s`);
  // As autovacuum would after a bulk arrival; done now so it does not run under the baseline or the queries.
  await sql(databaseUrl, "VACUUM ANALYZE dlq_messages");

  await sql(databaseUrl, "CHECKPOINT");
  const rawSeconds = await rawIndex(databaseUrl, plan.topic, await endOffsets(plan.topic), STEP_TIMEOUT_MS);
  const copied = await rowsOf(databaseUrl, RAW_TABLE, plan.topic);
  if (copied !== plan.count) throw new Error(`the raw baseline copied ${copied} rows, expected ${plan.count}`);
  console.log(`bench: raw consumer + COPY took ${rawSeconds.toFixed(1)} s`);
  await sql(databaseUrl, `TRUNCATE ${RAW_TABLE}`);
  await sql(databaseUrl, "CHECKPOINT");

  const [list] = await timeQueries([listCase], rounds);
  const queries = new Map<string, TimedQuery>(list ? [[listCase.label, list]] : []);
  return { plan, fillSeconds, flowdeckSeconds, rawSeconds, queries };
}
