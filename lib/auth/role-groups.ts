import { z } from "zod";
import { ROLES, highestRole, type Role } from "./roles";

// SSO users get their role from their identity provider's groups, at every sign-in, so removing someone
// from a group takes effect at their next sign-in. The mapping is JSON because group names may hold
// any character (LDAP DNs carry both "=" and ","): {"operator": ["sre-oncall"], "admin": ["platform"]}.
const RoleGroups = z.partialRecord(z.enum(ROLES), z.array(z.string().min(1).max(500)).max(200));
export type RoleGroups = Map<string, Role[]>;

/** Parses FLOWDECK_OIDC_ROLE_GROUPS; returns a message naming the problem, or the group → roles map. */
export function parseRoleGroups(text: string): { ok: true; groups: RoleGroups } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true, groups: new Map() };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'is not JSON; expected e.g. {"operator": ["sre-oncall"], "admin": ["platform-admins"]}' };
  }
  const parsed = RoleGroups.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `expected {"<viewer|operator|admin>": ["group", ...]}: ${issue?.path.join(".") || "value"} ${issue?.message ?? ""}`.trim() };
  }
  const groups: RoleGroups = new Map();
  for (const role of ROLES) {
    for (const group of parsed.data[role] ?? []) groups.set(group, [...(groups.get(group) ?? []), role]);
  }
  return { ok: true, groups };
}

/** The role an SSO user's groups claim grants, or null when no group is mapped (sign-in is then refused). */
export function roleForGroups(claim: unknown, mapping: RoleGroups): Role | null {
  const groups = Array.isArray(claim) ? claim.filter((g): g is string => typeof g === "string") : typeof claim === "string" ? [claim] : [];
  return highestRole(groups.flatMap((group) => mapping.get(group) ?? []));
}
