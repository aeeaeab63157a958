import "server-only";
import { redirect } from "next/navigation";
import { currentOperator } from "./operator";
import { hasRole, type Operator, type Role } from "./roles";

/**
 * The first line of every page: the signed-in operator, or a redirect to sign-in. A check in the root
 * layout would not do, because a client-side navigation renders the page without its layout.
 * tests/integration/page-access.test.ts fails for a page that does not call this.
 */
export async function requirePageRole(role: Role = "viewer"): Promise<Operator> {
  const operator = await currentOperator();
  if (!operator) redirect("/sign-in");
  if (!hasRole(operator, role)) redirect(`/sign-in?denied=${role}`);
  return operator;
}
