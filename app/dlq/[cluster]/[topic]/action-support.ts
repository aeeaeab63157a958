import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { currentOperator } from "@/lib/auth";
import { AppError, toActionError, type ActionError } from "@/lib/errors";
import { findDlqTopic, type DlqSelection } from "@/lib/dlq";
import { configuredClusterNames } from "@/lib/kafka";
import { parseBrowseUrl } from "@/components/dlq/browse-url";

// What the DLQ topic's server actions share: the selection they act on, and how they fail.

export const SelectionInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("messages"), positions: z.array(z.string().regex(/^\d{1,10}:\d{1,19}$/, "partition:offset")).min(1).max(10_000) }),
  // The browser's query string: "all matching this filter".
  z.object({ kind: z.literal("filter"), query: z.string().max(4_000) }),
]);
export type SelectionInput = z.infer<typeof SelectionInput>;

/** A refused or failed request is audited too: who tried what, and why it did not happen. */
export async function auditedFailure(action: string, target: string, details: Record<string, unknown>, error: unknown): Promise<{ ok: false; error: ActionError }> {
  const outcome = error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED") ? "denied" : "failed";
  const actor = (await currentOperator().catch(() => null))?.name ?? "(not signed in)";
  await recordAuditEvent({ actor, action, target, outcome, details: { ...details, error: toActionError(error).error.message } }).catch(() => {});
  return { ok: false, error: toActionError(error).error };
}

/** The first problem of a zod parse as a one-line VALIDATION error. */
export function validationFailure(error: z.ZodError): { ok: false; error: ActionError } {
  const issue = error.issues[0];
  return { ok: false, error: { code: "VALIDATION", message: `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}` } };
}

/** The DLQ topic, known to Flowdeck on a configured cluster, or NOT_FOUND. */
export async function requireDlqTopic(cluster: string, topic: string): Promise<void> {
  if (!configuredClusterNames().includes(cluster) || !(await findDlqTopic(cluster, topic))) {
    throw new AppError("NOT_FOUND", `No dead-letter topic ${topic} on ${cluster}.`);
  }
}

export function toSelection(cluster: string, topic: string, selection: SelectionInput): DlqSelection {
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
