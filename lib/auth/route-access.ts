import "server-only";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { requireRole } from "./operator";
import type { Operator, Role } from "./roles";

/** A route handler's first check: the operator holding `role`, or the 401/403 response to send instead. */
export async function authorizeRoute(role: Role): Promise<{ ok: true; operator: Operator } | { ok: false; response: Response }> {
  try {
    return { ok: true, operator: await requireRole(role) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, response: Response.json({ error: { code: error.code, message: error.message } }, { status: HTTP_STATUS[error.code] }) };
  }
}
