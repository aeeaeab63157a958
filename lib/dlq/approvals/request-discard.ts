import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent, reserveAuditEventId } from "@/lib/audit";
import type { Operator } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { discardWithin } from "../verbs/discard-messages";
import { describeSelection, selectionWhere, type DlqSelection } from "../verbs/selection";
import { needsApproval } from "./four-eyes-rule";
import { insertApprovalRequest } from "./insert-request";
import { storeSelection } from "./stored-selection";

export type DiscardAsk = {
  cluster: string;
  topic: string;
  selection: DlqSelection;
  reason: string;
  /** The count the operator was shown; a request for approval must cover exactly that many. Null when not shown. */
  confirmedCount: number | null;
  operator: Operator;
};
export type DiscardOutcome =
  | { kind: "discarded"; discarded: number; requested: number | null; auditEventId: string }
  | { kind: "awaiting"; requestId: string; count: number; expiresAt: Date };

/**
 * A discard under the four-eyes rule: up to FLOWDECK_FOUR_EYES_ABOVE messages (or with the rule off) it is done
 * at once; above it, a request holding the selection, its count and reason waits for a second operator
 * (decideApprovalRequest), and nothing is discarded yet.
 */
export async function requestDiscard(ask: DiscardAsk): Promise<DiscardOutcome> {
  if (ask.reason.trim() === "") throw new AppError("VALIDATION", "A discard needs a reason.");
  const above = getConfig().fourEyesAbove;
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    try {
      const { rows: [clock] } = await client.query<{ now: Date }>("SELECT clock_timestamp() AS now");
      const asOf = clock?.now ?? new Date();
      const count = await countSelected(client, ask, asOf);
      let outcome: DiscardOutcome | null = null;
      if (!needsApproval(count, above)) {
        const done = await discardWithin(client, { ...ask, actor: ask.operator.name });
        // Messages indexed between the count and the discard could take it over the size: ask instead.
        if (!needsApproval(done.discarded, above)) outcome = { kind: "discarded", ...done };
        else {
          await client.query("ROLLBACK");
          await client.query("BEGIN");
        }
      }
      outcome ??= await askForApproval(client, ask, await countSelected(client, ask, asOf), asOf);
      await client.query("COMMIT");
      return outcome;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

async function countSelected(client: PoolClient, ask: DiscardAsk, asOf: Date): Promise<number> {
  const { sql, params } = selectionWhere(ask.cluster, ask.topic, ask.selection);
  const { rows: [row] } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM dlq_messages WHERE ${sql} AND indexed_at <= $${params.push(asOf)}`, params);
  return row?.n ?? 0;
}

async function askForApproval(client: PoolClient, ask: DiscardAsk, count: number, asOf: Date): Promise<DiscardOutcome> {
  if (ask.confirmedCount !== null && ask.confirmedCount !== count) {
    throw new AppError("VALIDATION", `The selection holds ${count.toLocaleString("en-US")} pending messages now, not the ${ask.confirmedCount.toLocaleString("en-US")} shown; look again before asking for approval.`);
  }
  const auditEventId = await reserveAuditEventId(client);
  const request = await insertApprovalRequest(client, {
    kind: "discard", cluster: ask.cluster, topic: ask.topic, count, selection: storeSelection(ask.selection), reason: ask.reason,
    indexedBefore: ask.selection.kind === "filter" ? asOf : null, redriveJobId: null, requester: ask.operator, auditEventId,
  });
  await recordAuditEvent({
    actor: ask.operator.name, action: "dlq.discard.request", target: `${ask.cluster}/${ask.topic}`, outcome: "ok",
    details: {
      request: request.id, count, reason: ask.reason, selection: describeSelection(ask.selection), actorId: ask.operator.id,
      expiresAt: request.expiresAt.toISOString(), above: getConfig().fourEyesAbove,
    },
  }, client, auditEventId);
  return { kind: "awaiting", requestId: request.id, count, expiresAt: request.expiresAt };
}
