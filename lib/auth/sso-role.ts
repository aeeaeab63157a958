import "server-only";
import { decodeJwt } from "jose";
import type { Pool } from "pg";
import type { Config } from "@/lib/config";
import { roleForGroups } from "./role-groups";

export const OIDC_PROVIDER_ID = "oidc";

type AccountRow = { providerId: string; userId: string; idToken?: string | null };

/**
 * Sets an SSO user's role from the groups claim of the ID token of this sign-in (Better Auth has already
 * verified the token against the issuer's keys). It runs at every SSO sign-in, before the session is
 * made, so a user taken out of a group loses the role at their next sign-in; no mapped group means no
 * role, and refuseSessionWithoutRole then refuses the session.
 */
export async function applySsoRole(pool: Pool, config: Config, account: AccountRow): Promise<void> {
  const oidc = config.auth.oidc;
  if (!oidc || account.providerId !== OIDC_PROVIDER_ID) return;
  let role = null;
  if (account.idToken) {
    try {
      role = roleForGroups(decodeJwt(account.idToken)[oidc.groupsClaim], oidc.roleGroups);
    } catch {
      role = null;
    }
  }
  await pool.query(`UPDATE auth_users SET role = $2, "updatedAt" = now() WHERE id = $1`, [account.userId, role]);
}
