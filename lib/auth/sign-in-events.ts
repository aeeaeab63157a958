import "server-only";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { Pool } from "pg";
import { recordAuditEvent } from "@/lib/audit";
import { getPool } from "@/lib/db";
import { log, errorMessage } from "@/lib/log";
import { isRole } from "./roles";

// Failed sign-ins per account: after this many within the window the account's password sign-in is
// refused until the window passes. It complements the per-address limit, which a guesser spreading
// attempts over many addresses would not hit. The audit trail is the record counted.
export const ACCOUNT_LOCK_FAILURES = 5;
const ACCOUNT_LOCK_WINDOW = "15 minutes";

type Context = { path?: string; request?: Request; headers?: Headers; body?: unknown };

function clientOf(context: Context | null | undefined): { ip: string | null; userAgent: string | null } {
  const headers = context?.request?.headers ?? context?.headers;
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  return { ip: forwarded, userAgent: headers?.get("user-agent")?.slice(0, 300) ?? null };
}

/** The email a sign-in attempt names, normalised and bounded (it is attacker-chosen text). */
function attemptedEmail(body: unknown): string {
  const email = typeof body === "object" && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 320) : "";
}

async function recentFailures(email: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events
      WHERE action = 'auth.sign-in' AND target = $1 AND outcome = 'failed' AND at > now() - $2::interval`,
    [email, ACCOUNT_LOCK_WINDOW]);
  return rows[0]?.n ?? 0;
}

async function recordFailedSignIn(email: string, reason: string, context: Context): Promise<void> {
  await recordAuditEvent({ actor: email || "(no email)", action: "auth.sign-in", target: email || "(no email)", outcome: "failed",
    details: { method: "password", reason, ...clientOf(context) } });
}

/** Better Auth request hooks: the per-account lock, and the audit of failed sign-ins and of sign-outs. */
export const signInEventHooks = {
  before: createAuthMiddleware(async (ctx) => {
    if (ctx.path === "/sign-in/email") {
      const email = attemptedEmail(ctx.body);
      if (email && (await recentFailures(email)) >= ACCOUNT_LOCK_FAILURES) {
        await recordFailedSignIn(email, "account locked after repeated failures", ctx);
        throw new APIError("TOO_MANY_REQUESTS", { message: `Too many failed sign-ins for this account; try again in ${ACCOUNT_LOCK_WINDOW}.` });
      }
    }
    if (ctx.path === "/sign-out") {
      const session = await getSessionFromCtx(ctx).catch(() => null);
      if (session) {
        await recordAuditEvent({ actor: session.user.email, action: "auth.sign-out", target: session.user.email, outcome: "ok", details: clientOf(ctx) });
      }
    }
  }),
  after: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-in/email") return;
    const returned = ctx.context.returned;
    if (isAPIError(returned) && returned.statusCode !== 429) {
      await recordFailedSignIn(attemptedEmail(ctx.body), returned.message || String(returned.status), ctx);
    }
  }),
};

/** Refuses a session to a user who holds no Flowdeck role (an SSO user in no mapped group). */
export async function refuseSessionWithoutRole(pool: Pool, session: { userId: string }): Promise<boolean> {
  const { rows } = await pool.query<{ email: string; role: string | null }>("SELECT email, role FROM auth_users WHERE id = $1", [session.userId]);
  const user = rows[0];
  if (user && isRole(user.role)) return true;
  await recordAuditEvent({ actor: user?.email ?? session.userId, action: "auth.sign-in", target: user?.email ?? session.userId, outcome: "denied",
    details: { reason: "no Flowdeck role: none of the user's groups is mapped (FLOWDECK_OIDC_ROLE_GROUPS)" } });
  return false;
}

/** Records a successful sign-in; a failure to record is logged, not turned into a failed sign-in. */
export async function recordSignIn(pool: Pool, session: { userId: string }, context: Context | null): Promise<void> {
  try {
    const { rows } = await pool.query<{ email: string; role: string | null }>("SELECT email, role FROM auth_users WHERE id = $1", [session.userId]);
    const email = rows[0]?.email ?? session.userId;
    await recordAuditEvent({ actor: email, action: "auth.sign-in", target: email, outcome: "ok",
      details: { method: context?.path?.startsWith("/callback/") ? "sso" : "password", role: rows[0]?.role ?? null, ...clientOf(context) } });
  } catch (error) {
    log.error("could not record a sign-in in the audit trail", { error: errorMessage(error) });
  }
}
