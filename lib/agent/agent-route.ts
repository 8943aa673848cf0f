import crypto from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { apiError, ApiError, errorResponse, validationError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";

const digest = (value: string) => crypto.createHash("sha256").update(value).digest();

/** Constant-time: both sides are hashed to the same length first, so neither length nor content leaks. */
function sameToken(given: string, expected: string | undefined): boolean {
  return expected !== undefined && crypto.timingSafeEqual(digest(given), digest(expected));
}

type Handler = (request: Request) => Promise<Response> | Response;

/**
 * The agent endpoints' one door: `Authorization: Bearer <AGENT_TOOL_TOKEN>` opens them, and only them. No token
 * is 401; API_TOKEN is a real credential that does not open this door (403); sessions are never read here (a
 * cookie alone is 401). With AGENT_TOOL_TOKEN unset nothing opens them (503 agent_not_configured), so a forgotten
 * variable cannot leave them open. Errors keep the one JSON shape; answers are never cached.
 */
export function withAgentToken(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    const expected = env().AGENT_TOOL_TOKEN;
    if (!expected) {
      return apiError("agent_not_configured", "The agent endpoints are off: set AGENT_TOOL_TOKEN to open them.");
    }
    const token = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1] ?? "";
    if (!sameToken(token, expected)) {
      if (token && sameToken(token, env().API_TOKEN)) {
        return apiError("forbidden", "API_TOKEN does not open the agent endpoints: send AGENT_TOOL_TOKEN.");
      }
      return apiError("unauthorized", "Send Authorization: Bearer <AGENT_TOOL_TOKEN>.");
    }
    try {
      const response = await handler(request);
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      if (error instanceof z.ZodError) return errorResponse(validationError(error));
      logError(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return apiError("internal_error", "Something went wrong on our side.");
    }
  };
}
