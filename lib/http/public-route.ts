import { z } from "zod";
import { logError } from "@/lib/log";
import { apiError, ApiError, errorResponse, validationError } from "./api-error";
import { isSameOrigin } from "./same-origin";

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { request: Request; params: P }) => Promise<Response> | Response;

/**
 * The few handlers open without an account (the self-service link: the token in the path is the credential):
 * the same error shape and cross-site refusal as withPermission (lib/http/route.ts), and no caller to resolve.
 * Each handler checks its token and rate limit itself.
 */
export function publicRoute<P>(handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      if (request.method !== "GET" && !isSameOrigin(request)) {
        return apiError("forbidden_origin", "Cross-site requests may not change anything.");
      }
      return await handler({ request, params: await context.params });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      if (error instanceof z.ZodError) return errorResponse(validationError(error));
      logError(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return apiError("internal_error", "Something went wrong on our side.");
    }
  };
}
