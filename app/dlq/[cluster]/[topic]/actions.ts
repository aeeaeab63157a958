"use server";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import type { ActionResult } from "@/lib/errors";
import { discardMessages } from "@/lib/dlq";
import { SelectionInput, auditedFailure, requireDlqTopic, toSelection, validationFailure } from "./action-support";

const DiscardInput = z.object({
  cluster: z.string().min(1).max(200),
  topic: z.string().min(1).max(300),
  reason: z.string().trim().min(3, "say in a few words why these messages are discarded").max(1_000, "at most 1,000 characters"),
  selection: SelectionInput,
});
export type DiscardInput = z.infer<typeof DiscardInput>;

/** Discards the selected pending DLQ messages with a reason; needs the operator role; audited either way. */
export async function discardAction(input: DiscardInput): Promise<ActionResult<{ discarded: number; requested: number | null }>> {
  const parsed = DiscardInput.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  const { cluster, topic, reason } = parsed.data;
  try {
    const operator = await requireRole("operator");
    await requireDlqTopic(cluster, topic);
    const result = await discardMessages({ cluster, topic, reason, actor: operator.name, selection: toSelection(cluster, topic, parsed.data.selection) });
    return { ok: true, data: { discarded: result.discarded, requested: result.requested } };
  } catch (error) {
    return auditedFailure("dlq.discard", `${cluster}/${topic}`, { reason }, error);
  }
}
