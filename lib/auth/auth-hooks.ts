import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getDb } from "@/db/client";
import { passwordProblem } from "./password-policy";
import { recordUserEvent } from "./user-events";

/** The endpoints that set a password, and where their body carries it. */
const NEW_PASSWORD_FIELD: Record<string, "password" | "newPassword"> = {
  "/change-password": "newPassword",
  "/admin/create-user": "password",
  "/admin/set-user-password": "newPassword",
  "/reset-password": "newPassword",
  "/sign-up/email": "password",
};

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Every password better-auth is asked to set meets lib/auth/password-policy.ts, whether the request came over
 * HTTP or from Callboard's own code (which checks it first to name the field). A changed password also ends the
 * user's other sessions unless the request says `"revokeOtherSessions": false` (better-auth keeps them by
 * default): whoever knew the old password is signed out with it.
 */
export const passwordPolicyHook = createAuthMiddleware(async (ctx) => {
  const field = NEW_PASSWORD_FIELD[ctx.path];
  if (!field) return;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const problem = passwordProblem(text(body[field]) ?? "", {
    email: text(body.email) ?? ctx.context.session?.user.email,
    name: text(body.name) ?? ctx.context.session?.user.name,
  });
  if (problem) throw new APIError("BAD_REQUEST", { code: "PASSWORD_TOO_WEAK", message: problem });
  if (ctx.path === "/change-password") {
    return { context: { body: { ...body, revokeOtherSessions: body.revokeOtherSessions !== false } } };
  }
});

/** A changed password goes into the user-management audit trail, with the user as the actor. */
export const recordPasswordChange = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/change-password") return;
  const returned = ctx.context.returned as { user?: { id?: unknown; email?: unknown } } | undefined;
  if (!returned || isAPIError(returned)) return;
  const id = text(returned.user?.id);
  const email = text(returned.user?.email);
  if (id && email) recordUserEvent(getDb(), { kind: "password_changed", actor: email, target: { id, email } });
});
