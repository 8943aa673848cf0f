import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";

// better-auth's admin plugin guards its own user-management endpoints with these; Callboard's own permissions
// (lib/auth/permissions.ts) guard everything else.
export const accessControl = createAccessControl(defaultStatements);
export const authRoles = {
  recruiter: accessControl.newRole({ user: [], session: [] }),
  admin: accessControl.newRole(adminAc.statements),
};
