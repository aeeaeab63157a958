export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Operator = { id: string; name: string; roles: Role[] };

export function hasRole(operator: Operator, role: Role): boolean {
  return operator.roles.includes(role);
}
