import "server-only";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { ROLES, hasRole, type Operator, type Role } from "./roles";

// The seam every mutation goes through. Until sign-in exists, the one configured local operator holds
// every role; sign-in replaces only the source of the operator here, not its callers.
export async function getOperator(): Promise<Operator> {
  const name = getConfig().operatorName;
  return { id: `local:${name}`, name, roles: [...ROLES] };
}

/** The current operator if they hold `role`; otherwise a FORBIDDEN error (checked on the server). */
export async function requireRole(role: Role): Promise<Operator> {
  const operator = await getOperator();
  if (!hasRole(operator, role)) throw new AppError("FORBIDDEN", `This needs the ${role} role, which ${operator.name} does not have.`);
  return operator;
}
