import "server-only";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { logError } from "@/lib/log";
import type { ActionState } from "./action-state";
import { ApiError } from "./api-error";

/**
 * Runs a server action's body for an actor that holds `permission`, turning zod and domain errors into
 * ActionState instead of an error page. The permission is checked here, on the server, every time.
 */
export async function runAction(
  actor: Actor,
  permission: Permission,
  body: () => Promise<ActionState> | ActionState,
): Promise<ActionState> {
  if (!can(actor.role, permission)) return { ok: false, message: `The ${actor.role} role may not do this.` };
  try {
    return await body();
  } catch (error) {
    if (error instanceof z.ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
      return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
    }
    if (error instanceof ApiError) {
      return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    }
    logError("server action failed", error);
    return { ok: false, message: "Something went wrong on our side." };
  }
}
