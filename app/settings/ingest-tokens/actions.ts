"use server";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createIngestToken, IngestTokenName, revokeIngestToken, rotateIngestToken } from "@/lib/ingest-tokens";

// The verbs audit themselves, refusals included (lib/ingest-tokens/token-audit.ts); these check the role first.
const NameInput = z.object({ name: IngestTokenName });

function invalid(error: z.ZodError): { ok: false; error: { code: "VALIDATION"; message: string } } {
  return { ok: false, error: { code: "VALIDATION", message: `name: ${error.issues[0]?.message ?? "invalid"}` } };
}

/** Mints a token; its value is in the result once and nowhere else. Admins only. */
export async function createTokenAction(input: z.input<typeof NameInput>): Promise<ActionResult<{ name: string; token: string }>> {
  const parsed = NameInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    const created = await createIngestToken(parsed.data.name, admin.name);
    return { ok: true, data: { name: created.name, token: created.token } };
  } catch (error) {
    return { ok: false, error: toActionError(error).error };
  }
}

export async function rotateTokenAction(input: z.input<typeof NameInput>): Promise<ActionResult<{ name: string; token: string }>> {
  const parsed = NameInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    const rotated = await rotateIngestToken(parsed.data.name, admin.name);
    return { ok: true, data: { name: rotated.name, token: rotated.token } };
  } catch (error) {
    return { ok: false, error: toActionError(error).error };
  }
}

export async function revokeTokenAction(input: z.input<typeof NameInput>): Promise<ActionResult<null>> {
  const parsed = NameInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    await revokeIngestToken(parsed.data.name, admin.name);
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toActionError(error).error };
  }
}
