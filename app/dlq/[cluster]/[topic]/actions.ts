"use server";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { getOperator, requireRole } from "@/lib/auth";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { discardMessages, findDlqTopic, type DlqSelection } from "@/lib/dlq";
import { configuredClusterNames } from "@/lib/kafka";
import { parseBrowseUrl } from "@/components/dlq/browse-url";

const DiscardInput = z.object({
  cluster: z.string().min(1).max(200),
  topic: z.string().min(1).max(300),
  reason: z.string().trim().min(3, "say in a few words why these messages are discarded").max(1_000, "at most 1,000 characters"),
  selection: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("messages"), positions: z.array(z.string().regex(/^\d{1,10}:\d{1,19}$/, "partition:offset")).min(1).max(10_000) }),
    // The browser's query string: "all matching this filter".
    z.object({ kind: z.literal("filter"), query: z.string().max(4_000) }),
  ]),
});
export type DiscardInput = z.infer<typeof DiscardInput>;

/** Discards the selected pending DLQ messages with a reason; needs the operator role; audited either way. */
export async function discardAction(input: DiscardInput): Promise<ActionResult<{ discarded: number; requested: number | null }>> {
  const parsed = DiscardInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: "VALIDATION", message: `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}` } };
  }
  const { cluster, topic, reason } = parsed.data;
  try {
    const operator = await requireRole("operator");
    if (!configuredClusterNames().includes(cluster) || !(await findDlqTopic(cluster, topic))) {
      throw new AppError("NOT_FOUND", `No dead-letter topic ${topic} on ${cluster}.`);
    }
    const result = await discardMessages({ cluster, topic, reason, actor: operator.name, selection: toSelection(cluster, topic, parsed.data.selection) });
    return { ok: true, data: { discarded: result.discarded, requested: result.requested } };
  } catch (error) {
    // A refused or failed request is audited too: who tried what, and why it did not happen.
    const outcome = error instanceof AppError && error.code === "FORBIDDEN" ? "denied" : "failed";
    const actor = (await getOperator()).name;
    await recordAuditEvent({ actor, action: "dlq.discard", target: `${cluster}/${topic}`, outcome, details: { reason, error: toActionError(error).error.message } }).catch(() => {});
    return { ok: false, error: toActionError(error).error };
  }
}

function toSelection(cluster: string, topic: string, selection: DiscardInput["selection"]): DlqSelection {
  if (selection.kind === "messages") {
    return {
      kind: "messages",
      positions: selection.positions.map((p) => {
        const [partition = "0", offset = "0"] = p.split(":");
        if (Number(partition) > 2 ** 31 - 1 || BigInt(offset) > 2n ** 63n - 1n) throw new AppError("VALIDATION", `${p}: partition or offset out of range`);
        return { partition: Number(partition), offset: BigInt(offset) };
      }),
    };
  }
  const parsed = parseBrowseUrl(cluster, topic, Object.fromEntries(new URLSearchParams(selection.query)));
  if (!parsed.ok) throw new AppError("VALIDATION", `filter ${parsed.problems[0]?.param ?? ""}: ${parsed.problems[0]?.message ?? "invalid"}`);
  return { kind: "filter", input: parsed.view.input };
}
