import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Role } from "@/lib/auth/roles";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inTransaction } from "./transaction";
import type { NewUser } from "./user-input";

// User changes go straight to Better Auth's tables (its credential account holds the password hash), each
// in one transaction with its audit event. `actor` is who acts: an admin's email, or cli:<os user>.

export type UserRow = {
  id: string; email: string; name: string; role: string | null; disabled: boolean; sso: boolean;
  createdAt: Date; lastSignInAt: Date | null;
};

export async function listUsers(): Promise<UserRow[]> {
  const { rows } = await getPool().query<UserRow>(
    `SELECT u.id, u.email, u.name, u.role, coalesce(u.banned, false) AS disabled, u."createdAt",
            EXISTS (SELECT 1 FROM auth_accounts a WHERE a."userId" = u.id AND a."providerId" <> 'credential') AS sso,
            (SELECT max(s."createdAt") FROM auth_sessions s WHERE s."userId" = u.id) AS "lastSignInAt"
       FROM auth_users u ORDER BY u.email`);
  return rows;
}

async function lockUser(client: PoolClient, userId: string): Promise<{ email: string; role: string | null; banned: boolean; sso: boolean }> {
  const { rows } = await client.query<{ email: string; role: string | null; banned: boolean; sso: boolean }>(
    `SELECT email, role, coalesce(banned, false) AS banned,
            EXISTS (SELECT 1 FROM auth_accounts a WHERE a."userId" = u.id AND a."providerId" <> 'credential') AS sso
       FROM auth_users u WHERE id = $1 FOR UPDATE`, [userId]);
  const user = rows[0];
  if (!user) throw new AppError("NOT_FOUND", `No user with id ${userId}.`);
  return user;
}

/** Refuses a change that would leave nobody able to manage users. */
async function keepAnAdmin(client: PoolClient, userId: string): Promise<void> {
  // Serialises concurrent demotions: two admins demoting each other must not both succeed.
  await client.query("LOCK TABLE auth_users IN SHARE ROW EXCLUSIVE MODE");
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM auth_users WHERE role = 'admin' AND coalesce(banned, false) = false AND id <> $1", [userId]);
  if ((rows[0]?.n ?? 0) === 0) throw new AppError("CONFLICT", "This is the last active admin; make someone else an admin first.");
}

export async function createLocalUser(user: NewUser, actor: string): Promise<{ id: string }> {
  const passwordHash = await hashPassword(user.password);
  return inTransaction(async (client) => {
    const id = randomUUID();
    const inserted = await client.query(
      `INSERT INTO auth_users (id, name, email, "emailVerified", role) VALUES ($1, $2, $3, true, $4) ON CONFLICT (email) DO NOTHING`,
      [id, user.name, user.email, user.role]);
    if (inserted.rowCount === 0) throw new AppError("CONFLICT", `A user with the email ${user.email} already exists.`);
    await client.query(
      `INSERT INTO auth_accounts (id, "accountId", "providerId", "userId", password) VALUES ($1, $2, 'credential', $2, $3)`,
      [randomUUID(), id, passwordHash]);
    await recordAuditEvent({ actor, action: "users.create", target: user.email, outcome: "ok", details: { name: user.name, role: user.role } }, client);
    return { id };
  });
}

export async function setUserRole(userId: string, role: Role, actor: string): Promise<void> {
  await inTransaction(async (client) => {
    const user = await lockUser(client, userId);
    if (user.sso) throw new AppError("CONFLICT", `${user.email} signs in through single sign-on; their role follows their groups (FLOWDECK_OIDC_ROLE_GROUPS).`);
    if (user.role === "admin" && role !== "admin") await keepAnAdmin(client, userId);
    await client.query(`UPDATE auth_users SET role = $2, "updatedAt" = now() WHERE id = $1`, [userId, role]);
    await recordAuditEvent({ actor, action: "users.role", target: user.email, outcome: "ok", details: { from: user.role, to: role } }, client);
  });
}

/** Disables a user and ends all their sessions at once; they cannot sign in until enabled again. */
export async function disableUser(userId: string, reason: string, actor: string): Promise<void> {
  await inTransaction(async (client) => {
    const user = await lockUser(client, userId);
    if (user.role === "admin") await keepAnAdmin(client, userId);
    await client.query(`UPDATE auth_users SET banned = true, "banReason" = $2, "updatedAt" = now() WHERE id = $1`, [userId, reason]);
    const ended = await client.query(`DELETE FROM auth_sessions WHERE "userId" = $1`, [userId]);
    await recordAuditEvent({ actor, action: "users.disable", target: user.email, outcome: "ok", details: { reason, sessionsEnded: ended.rowCount ?? 0 } }, client);
  });
}

export async function enableUser(userId: string, actor: string): Promise<void> {
  await inTransaction(async (client) => {
    const user = await lockUser(client, userId);
    await client.query(`UPDATE auth_users SET banned = false, "banReason" = NULL, "banExpires" = NULL, "updatedAt" = now() WHERE id = $1`, [userId]);
    await recordAuditEvent({ actor, action: "users.enable", target: user.email, outcome: "ok", details: {} }, client);
  });
}

/** Sets a local user's password and ends their sessions, so a leaked password stops working everywhere. */
export async function setUserPassword(userId: string, password: string, actor: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(async (client) => {
    const user = await lockUser(client, userId);
    const updated = await client.query(
      `UPDATE auth_accounts SET password = $2, "updatedAt" = now() WHERE "userId" = $1 AND "providerId" = 'credential'`, [userId, passwordHash]);
    if (updated.rowCount === 0) throw new AppError("CONFLICT", `${user.email} has no local password (they sign in through single sign-on).`);
    const ended = await client.query(`DELETE FROM auth_sessions WHERE "userId" = $1`, [userId]);
    await recordAuditEvent({ actor, action: "users.password", target: user.email, outcome: "ok", details: { sessionsEnded: ended.rowCount ?? 0 } }, client);
  });
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  const { rows } = await getPool().query<{ id: string }>("SELECT id FROM auth_users WHERE email = $1", [email.trim().toLowerCase()]);
  return rows[0]?.id ?? null;
}
