export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is acting. `name` is the identity audit events record (a user's email, unique and stable);
 * `displayName` is what the console shows.
 */
export type Operator = { id: string; name: string; displayName: string; roles: Role[] };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles nest: an operator may also read, an admin may also act. A user holds one role; this lists what it grants. */
export function grantedRoles(role: Role): Role[] {
  return ROLES.slice(0, ROLES.indexOf(role) + 1);
}

export function hasRole(operator: Operator, role: Role): boolean {
  return operator.roles.includes(role);
}

/** The highest of several roles (an SSO user in two mapped groups gets the stronger one). */
export function highestRole(roles: Iterable<Role>): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (best === null || ROLES.indexOf(role) > ROLES.indexOf(best)) best = role;
  return best;
}
