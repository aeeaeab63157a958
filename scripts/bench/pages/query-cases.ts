// What each page asks Postgres for, called as the pages call it. Imported after DATABASE_URL is set.
import { breakerBoard, resilienceSummary } from "@/lib/breakers/queries";
import { getPool } from "@/lib/db";
import { flowDlqTopics, flowEdgeTotals, serviceBreakerStates } from "@/lib/flows/queries";
import { countSagasByStatus, getSagaDetail, listSagas, sagaBreakerEvents, sagaDlqMessages } from "@/lib/sagas/queries";
import type { QueryCase } from "./time-cases";

const HOUR = 3_600_000;

export async function sampleSagaId(): Promise<string> {
  const { rows } = await getPool().query<{ id: string }>("SELECT id FROM sagas WHERE status = 'compensated' ORDER BY started_at DESC LIMIT 1");
  return rows[0]?.id ?? "s-0";
}

async function sagaIds(): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>("SELECT id FROM sagas TABLESAMPLE SYSTEM (1) LIMIT 200");
  return rows.map((r) => r.id);
}

export async function cases(): Promise<QueryCase[]> {
  const ids = await sagaIds();
  const lastDay = () => ({ from: new Date(Date.now() - 24 * HOUR), to: new Date() });
  const sagaPage = async (round: number) => {
    const detail = await getSagaDetail(ids[round % ids.length] ?? "s-0");
    if (!detail) throw new Error("a sampled saga is missing");
    const steps = detail.steps;
    const until = detail.saga.lastProgressAt;
    await Promise.all([sagaDlqMessages(detail.saga.id, steps.map((s) => s.traceId)), sagaBreakerEvents(steps.map((s) => s.service), detail.saga.startedAt, until)]);
  };
  return [
    { label: "saga list: failed, last 24 h, first page + counts", run: () => Promise.all([listSagas({ ...lastDay(), status: "failed" }), countSagasByStatus(lastDay())]) },
    { label: "saga list: stuck, last 24 h, first page", run: () => listSagas({ ...lastDay(), status: "stuck" }) },
    { label: "saga list: by key, last 24 h", run: (round) => listSagas({ ...lastDay(), key: `order-${(round * 7919) % 1_000_000}` }) },
    { label: "saga list: name + compensated, last hour + counts", run: () => Promise.all([
      listSagas({ from: new Date(Date.now() - HOUR), to: new Date(), name: "order-fulfillment", status: "compensated" }),
      countSagasByStatus({ from: new Date(Date.now() - HOUR), to: new Date(), name: "order-fulfillment" })]) },
    { label: "saga page: saga, steps, dead letters, breaker changes", run: sagaPage },
    { label: "breaker board: breakers and resilience, last hour", run: () => {
      const window = { from: new Date(Date.now() - HOUR), to: new Date() };
      return Promise.all([breakerBoard(window), resilienceSummary(window)]);
    } },
    { label: "flow graph: edges, DLQ topics and breakers, last hour", run: () => {
      const window = { from: new Date(Date.now() - HOUR), to: new Date() };
      return Promise.all([flowEdgeTotals(window), flowDlqTopics(window), serviceBreakerStates()]);
    } },
  ];
}
