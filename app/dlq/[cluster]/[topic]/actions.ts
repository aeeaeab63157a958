"use server";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import type { ActionResult } from "@/lib/errors";
import { requestDiscard } from "@/lib/dlq";
import { SelectionInput, auditedFailure, requireDlqTopic, toSelection, validationFailure } from "./action-support";

const DiscardInput = z.object({
  cluster: z.string().min(1).max(200),
  topic: z.string().min(1).max(300),
  reason: z.string().trim().min(3, "say in a few words why these messages are discarded").max(1_000, "at most 1,000 characters"),
  selection: SelectionInput,
  /** The count the operator was shown; a discard held for approval must cover exactly that many. */
  confirmedCount: z.number().int().min(0).nullable().optional(),
});
export type DiscardInput = z.infer<typeof DiscardInput>;

export type DiscardActionResult =
  | { kind: "discarded"; discarded: number; requested: number | null }
  | { kind: "awaiting"; requestId: string; count: number; expiresAt: string };

/**
 * Discards the selected pending DLQ messages with a reason, or, above the four-eyes size, asks a second operator
 * to approve it; needs the operator role; audited either way.
 */
export async function discardAction(input: DiscardInput): Promise<ActionResult<DiscardActionResult>> {
  const parsed = DiscardInput.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  const { cluster, topic, reason } = parsed.data;
  try {
    const operator = await requireRole("operator");
    await requireDlqTopic(cluster, topic);
    const outcome = await requestDiscard({
      cluster, topic, reason, operator, confirmedCount: parsed.data.confirmedCount ?? null, selection: toSelection(cluster, topic, parsed.data.selection),
    });
    return {
      ok: true,
      data: outcome.kind === "discarded"
        ? { kind: "discarded", discarded: outcome.discarded, requested: outcome.requested }
        : { kind: "awaiting", requestId: outcome.requestId, count: outcome.count, expiresAt: outcome.expiresAt.toISOString() },
    };
  } catch (error) {
    return auditedFailure("dlq.discard", `${cluster}/${topic}`, { reason }, error);
  }
}
