"use server";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import type { ActionResult } from "@/lib/errors";
import { controlRedriveJob } from "@/lib/dlq";
import { auditedFailure, validationFailure } from "@/app/dlq/[cluster]/[topic]/action-support";

const ControlInput = z.object({ jobId: z.uuid(), control: z.enum(["pause", "resume", "cancel"]) });
export type ControlJobInput = z.infer<typeof ControlInput>;

/** Pauses, resumes or cancels a redrive job; needs the operator role; audited either way. */
export async function controlJobAction(input: ControlJobInput): Promise<ActionResult<{ status: string; cancelled: number }>> {
  const parsed = ControlInput.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    const operator = await requireRole("operator");
    return { ok: true, data: await controlRedriveJob(parsed.data.jobId, parsed.data.control, operator.name) };
  } catch (error) {
    return auditedFailure(`dlq.redrive.${parsed.data.control}`, `job ${parsed.data.jobId}`, { job: parsed.data.jobId }, error);
  }
}
