import "server-only";
import { recordAuditEvent } from "@/lib/audit";
import type { Operator } from "@/lib/auth";
import { getPool } from "@/lib/db";
import { AppError, toActionError } from "@/lib/errors";
import { SYSTEM_ACTOR } from "../redrive/executor/ledger";
import { refuseDecision, type ApprovalDecision } from "./four-eyes-rule";
import { lockRequest, settleRequest, type ApprovalOutcome, type RequestRow } from "./settle-request";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Who the audit log names for a request that expired on its own. */
export const EXPIRY_SETTLER = { id: `system:${SYSTEM_ACTOR}`, name: SYSTEM_ACTOR };

/**
 * An operator approves, rejects (with a reason) or withdraws a four-eyes request. The operator is a parameter,
 * so the caller (a server action, after requireRole) decides who acts. The rule is checked here, under the
 * request's row lock: exactly one of two concurrent decisions takes effect, the other gets a CONFLICT naming it.
 * Every refusal is audited too, a requester's attempt to approve their own request included. A request found
 * past its expiry is marked expired (and its held job released) before the refusal is returned.
 */
export async function decideApprovalRequest(requestId: string, decision: ApprovalDecision, operator: Operator, reason: string | null = null): Promise<ApprovalOutcome> {
  let row: RequestRow | undefined;
  try {
    if (!UUID.test(requestId)) throw new AppError("NOT_FOUND", `No approval request ${requestId}.`);
    const why = reason?.trim() || null;
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      try {
        const locked = await lockRequest(client, requestId);
        if (!locked) throw new AppError("NOT_FOUND", `No approval request ${requestId}.`);
        row = locked.row;
        if (decision === "reject" && (why === null || why.length < 3)) throw new AppError("VALIDATION", "A rejection needs a reason (a few words the requester will read).");
        const refusal = refuseDecision(row, decision, operator, locked.now);
        if (refusal) {
          if (row.status === "awaiting" && row.expiresAt.getTime() <= locked.now.getTime()) {
            await settleRequest(client, row, "expire", EXPIRY_SETTLER, null);
            await client.query("COMMIT");
          } else {
            await client.query("ROLLBACK");
          }
          throw refusal;
        }
        const outcome = await settleRequest(client, row, decision, operator, decision === "reject" ? why : null);
        await client.query("COMMIT");
        return outcome;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await recordAuditEvent({
      actor: operator.name, action: `dlq.${row?.kind ?? "approval"}.${decision}`,
      target: row ? `${row.cluster}/${row.topic}` : `request ${requestId}`,
      outcome: error instanceof AppError && error.code === "FORBIDDEN" ? "denied" : "failed",
      details: {
        request: requestId, ...(row?.redriveJobId ? { job: row.redriveJobId } : {}), actorId: operator.id,
        ...(row ? { requestedBy: row.requestedBy, requestedById: row.requestedById } : {}), error: toActionError(error).error.message,
      },
    }).catch(() => {});
    throw error;
  }
}
