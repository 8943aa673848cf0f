import { ROLES, type Role } from "@/db/values";

/** What each role may do; every route handler and server action checks one of these on the server. */
const RECRUITER = ["candidates:read", "candidates:write", "calls:place"] as const;
const ADMIN_ONLY = [
  "candidates:override",
  "candidates:reset",
  "candidates:delete",
  "slots:manage",
  "users:manage",
  "webhooks:inspect",
  "audit:read",
] as const;

export type Permission = (typeof RECRUITER)[number] | (typeof ADMIN_ONLY)[number];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  recruiter: new Set(RECRUITER),
  admin: new Set([...RECRUITER, ...ADMIN_ONLY]),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
