import { z } from "zod";
import { logError, maskTokens } from "@/lib/log";
import { apiError, ApiError, errorResponse, validationError } from "./api-error";
import { isSameOrigin } from "./same-origin";

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { request: Request; params: P }) => Promise<Response> | Response;

/** The token is the credential: what it opens is personal, and no cache (browser, proxy, CDN) may keep it. */
function noStore(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * The few handlers open without an account (the self-service link: the token in the path is the credential):
 * the same error shape and cross-site refusal as withPermission (lib/http/route.ts), and no caller to resolve.
 * Each handler checks its token and rate limit itself. Every answer, errors included, is `no-store`.
 */
export function publicRoute<P>(handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      if (request.method !== "GET" && !isSameOrigin(request)) {
        return noStore(apiError("forbidden_origin", "Cross-site requests may not change anything."));
      }
      return noStore(await handler({ request, params: await context.params }));
    } catch (error) {
      if (error instanceof ApiError) return noStore(errorResponse(error));
      if (error instanceof z.ZodError) return noStore(errorResponse(validationError(error)));
      // The path holds the token: the log line names the route, not the credential.
      logError(`${request.method} ${maskTokens(new URL(request.url).pathname)} failed`, error);
      return noStore(apiError("internal_error", "Something went wrong on our side."));
    }
  };
}
