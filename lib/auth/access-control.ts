import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";

// Better Auth's admin plugin checks its own user-management endpoints against these. Only admins manage
// users, and nobody may impersonate anyone: an audit trail must name who really acted.
export const accessControl = createAccessControl(defaultStatements);

const noUserManagement = accessControl.newRole({ user: [], session: [] });

export const accessRoles = {
  viewer: noUserManagement,
  operator: noUserManagement,
  admin: accessControl.newRole({
    user: ["create", "list", "set-role", "ban", "delete", "set-password", "get", "update"],
    session: ["list", "revoke", "delete"],
  }),
};
