import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { logError } from "@/lib/log";
import { apiError, ApiError, errorResponse, validationError } from "./api-error";
import { isSameOrigin } from "./same-origin";

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { request: Request; actor: Actor; params: P }) => Promise<Response> | Response;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Parses a numeric id from the path; anything else is a 404, like an id that does not exist. */
export function idParam(value: string, what: string): number {
  const id = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw new ApiError("not_found", `${what} ${value} was not found.`);
  return id;
}

/**
 * Every API route handler goes through here: foreign origins are refused for writes, the caller is resolved
 * (401 when nobody), the permission is checked on the server (403), and errors keep the one JSON shape.
 */
export function withPermission<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
        return apiError("forbidden_origin", "Cross-site requests may not change anything.");
      }
      const actor = await resolveActor(request.headers);
      if (!actor) return apiError("unauthorized", "Sign in, or send Authorization: Bearer <API_TOKEN>.");
      if (!can(actor.role, permission)) return apiError("forbidden", `The ${actor.role} role may not do this.`);
      return await handler({ request, actor, params: await context.params });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      if (error instanceof z.ZodError) return errorResponse(validationError(error));
      logError(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return apiError("internal_error", "Something went wrong on our side.");
    }
  };
}
