import "server-only";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { databaseTarget, describeDatabaseError } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAuth } from "./better-auth";
import { grantedRoles, hasRole, isRole, type Operator, type Role } from "./roles";

/**
 * The signed-in user of this request, checked against the session store on every call (a cookie alone
 * proves nothing: a session revoked or a user disabled a second ago no longer counts). Null when nobody
 * is signed in, or when the user holds no Flowdeck role.
 */
export async function currentOperator(): Promise<Operator | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  const { id, email, name } = session.user;
  return { id, name: email, displayName: name || email, roles: grantedRoles(role) };
}

/** The signed-in operator; an UNAUTHENTICATED error when nobody is. */
export async function getOperator(): Promise<Operator> {
  const operator = await currentOperator();
  if (!operator) throw new AppError("UNAUTHENTICATED", "Sign in to use Flowdeck; your session has ended or was revoked.");
  return operator;
}

/** The current operator if they hold `role`; otherwise a FORBIDDEN error (checked on the server). */
export async function requireRole(role: Role): Promise<Operator> {
  const operator = await getOperator();
  if (!hasRole(operator, role)) throw new AppError("FORBIDDEN", `This needs the ${role} role, which ${operator.name} does not have.`);
  return operator;
}

export type SessionState = { kind: "signed-in"; operator: Operator } | { kind: "signed-out" } | { kind: "store-down"; error: string };

/**
 * For the shell: who is signed in, or why nobody can be. Sessions live in Postgres, so while it does not
 * answer nobody can be checked and nothing is shown (failing closed), and the shell says why.
 */
export async function sessionState(): Promise<SessionState> {
  try {
    const operator = await currentOperator();
    return operator ? { kind: "signed-in", operator } : { kind: "signed-out" };
  } catch (error) {
    // Better Auth wraps the database's error in its own; the cause says what Postgres did.
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    return { kind: "store-down", error: describeDatabaseError(cause, databaseTarget(getConfig().databaseUrl)) };
  }
}
