"use server";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { toActionError, type ActionResult } from "@/lib/errors";
import { decideApprovalRequest, type ApprovalOutcome } from "@/lib/dlq";
import { auditedFailure, validationFailure } from "@/app/dlq/[cluster]/[topic]/action-support";

const DecideInput = z.object({
  requestId: z.uuid(),
  decision: z.enum(["approve", "reject", "withdraw"]),
  reason: z.string().trim().max(1_000, "at most 1,000 characters").nullable(),
}).refine((input) => input.decision !== "reject" || (input.reason ?? "").length >= 3, {
  path: ["reason"], error: "say in a few words why this is rejected",
});
export type DecideApprovalInput = z.input<typeof DecideInput>;

/**
 * Approves, rejects or withdraws a four-eyes request (a held redrive or discard). The role is checked here, on
 * the server; the rule that the requester cannot approve their own request is checked by the lib function under
 * the request's lock, which also audits every refusal.
 */
export async function decideApprovalAction(input: DecideApprovalInput): Promise<ActionResult<ApprovalOutcome>> {
  const parsed = DecideInput.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  const { requestId, decision, reason } = parsed.data;
  let operator;
  try {
    operator = await requireRole("operator");
  } catch (error) {
    return auditedFailure(`dlq.approval.${decision}`, `request ${requestId}`, { request: requestId }, error);
  }
  try {
    return { ok: true, data: await decideApprovalRequest(requestId, decision, operator, reason) };
  } catch (error) {
    return { ok: false, error: toActionError(error).error };
  }
}
