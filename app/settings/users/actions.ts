"use server";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { currentOperator, requireRole } from "@/lib/auth";
import { AppError, toActionError, type ActionError, type ActionResult } from "@/lib/errors";
import { createLocalUser, disableUser, enableUser, setUserPassword, setUserRole, NewUser, Password, RoleInput, UserId } from "@/lib/users";

const RoleChange = z.object({ userId: UserId, role: RoleInput });
const Disable = z.object({ userId: UserId, reason: z.string().trim().min(3, "say in a few words why").max(500, "at most 500 characters") });
const Enable = z.object({ userId: UserId });
const PasswordChange = z.object({ userId: UserId, password: Password });

function invalid(error: z.ZodError): { ok: false; error: ActionError } {
  const issue = error.issues[0];
  return { ok: false, error: { code: "VALIDATION", message: `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}` } };
}

/** A refused user change is audited too: who tried what on whom. */
async function refused(action: string, target: string, error: unknown): Promise<{ ok: false; error: ActionError }> {
  const { error: actionError } = toActionError(error);
  const denied = actionError.code === "FORBIDDEN" || actionError.code === "UNAUTHENTICATED";
  const actor = (await currentOperator().catch(() => null))?.name ?? "(not signed in)";
  await recordAuditEvent({ actor, action, target, outcome: denied ? "denied" : "failed", details: { error: actionError.message } }).catch(() => {});
  return { ok: false, error: actionError };
}

/** Makes a local account; admins only. */
export async function createUserAction(input: z.input<typeof NewUser>): Promise<ActionResult<{ id: string }>> {
  const parsed = NewUser.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    return { ok: true, data: await createLocalUser(parsed.data, admin.name) };
  } catch (error) {
    return refused("users.create", parsed.data.email, error);
  }
}

export async function setRoleAction(input: z.input<typeof RoleChange>): Promise<ActionResult<null>> {
  const parsed = RoleChange.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    await setUserRole(parsed.data.userId, parsed.data.role, admin.name);
    return { ok: true, data: null };
  } catch (error) {
    return refused("users.role", parsed.data.userId, error);
  }
}

export async function disableUserAction(input: z.input<typeof Disable>): Promise<ActionResult<null>> {
  const parsed = Disable.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    if (admin.id === parsed.data.userId) throw new AppError("CONFLICT", "You cannot disable your own account.");
    await disableUser(parsed.data.userId, parsed.data.reason, admin.name);
    return { ok: true, data: null };
  } catch (error) {
    return refused("users.disable", parsed.data.userId, error);
  }
}

export async function enableUserAction(input: z.input<typeof Enable>): Promise<ActionResult<null>> {
  const parsed = Enable.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    await enableUser(parsed.data.userId, admin.name);
    return { ok: true, data: null };
  } catch (error) {
    return refused("users.enable", parsed.data.userId, error);
  }
}

export async function setPasswordAction(input: z.input<typeof PasswordChange>): Promise<ActionResult<null>> {
  const parsed = PasswordChange.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const admin = await requireRole("admin");
    await setUserPassword(parsed.data.userId, parsed.data.password, admin.name);
    return { ok: true, data: null };
  } catch (error) {
    return refused("users.password", parsed.data.userId, error);
  }
}
