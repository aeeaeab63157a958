"use server";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import type { ActionResult } from "@/lib/errors";
import { createRedriveJob, prepareRedrive, type RedrivePreparation } from "@/lib/dlq";
import { SelectionInput, auditedFailure, requireDlqTopic, toSelection, validationFailure } from "./action-support";

// Kafka's own rule for topic names.
const TopicName = z.string().trim().min(1).max(249).regex(/^[A-Za-z0-9._-]+$/, "a topic name is letters, digits, '.', '_' and '-'");

const PrepareInput = z.object({
  cluster: z.string().min(1).max(200),
  topic: z.string().min(1).max(300),
  selection: SelectionInput,
  /** null: each message goes back to its original topic. */
  targetTopic: TopicName.nullable(),
});
export type PrepareRedriveInput = z.infer<typeof PrepareInput>;

const StartInput = PrepareInput.extend({
  velocity: z.number().int().min(1, "at least 1 message per second").max(1_000_000).nullable(),
  overrideBreakers: z.boolean(),
  overrideLoopGuard: z.boolean(),
  /** When the operator's count was taken: "all matching" takes the messages indexed by then. */
  asOf: z.iso.datetime(),
  confirmedCount: z.number().int().min(0).nullable(),
});
export type StartRedriveInput = z.infer<typeof StartInput>;

/** The dry run shown in the confirmation: count, targets, open breakers, the loop guard, and the first messages as sent. */
export async function prepareRedriveAction(input: PrepareRedriveInput): Promise<ActionResult<RedrivePreparation>> {
  const parsed = PrepareInput.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  const { cluster, topic, targetTopic } = parsed.data;
  try {
    await requireRole("operator");
    await requireDlqTopic(cluster, topic);
    return { ok: true, data: await prepareRedrive(cluster, topic, toSelection(cluster, topic, parsed.data.selection), targetTopic) };
  } catch (error) {
    return auditedFailure("dlq.redrive.prepare", `${cluster}/${topic}`, { targetTopic }, error);
  }
}

/** Starts a redrive job in the worker (held for a second operator above the four-eyes size); needs the operator role; audited either way. */
export async function startRedriveAction(input: StartRedriveInput): Promise<ActionResult<{ jobId: string; total: number; conflicts: number; conflictingJobs: string[]; awaitingApproval: boolean }>> {
  const parsed = StartInput.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  const { cluster, topic, targetTopic, velocity, overrideBreakers, overrideLoopGuard, confirmedCount } = parsed.data;
  try {
    const operator = await requireRole("operator");
    await requireDlqTopic(cluster, topic);
    const selection = toSelection(cluster, topic, parsed.data.selection);
    const created = await createRedriveJob({
      cluster, topic, selection, targetTopic, velocity, overrideBreakers, overrideLoopGuard, confirmedCount, operator,
      indexedBefore: selection.kind === "filter" ? new Date(parsed.data.asOf) : null,
    });
    return { ok: true, data: { jobId: created.jobId, total: created.total, conflicts: created.conflicts, conflictingJobs: created.conflictingJobs, awaitingApproval: created.approval !== null } };
  } catch (error) {
    return auditedFailure("dlq.redrive", `${cluster}/${topic}`, { targetTopic, velocity }, error);
  }
}
