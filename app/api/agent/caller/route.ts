import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { withAgentToken } from "@/lib/agent/agent-route";
import { callerQuery, lookUpCaller } from "@/lib/agent/caller-lookup";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { queryParams } from "@/lib/http/query-params";

let limiter: RateLimiterMemory | undefined;

/**
 * Look-ups a minute in all (AGENT_CALLER_RATE_LIMIT): Bolna asks once per inbound call, so a token holder asking
 * faster is walking numbers to learn whose they are, and is slowed to the pace of real calls.
 */
async function limited(): Promise<Response | null> {
  limiter ??= new RateLimiterMemory({ points: env().AGENT_CALLER_RATE_LIMIT, duration: 60 });
  try {
    await limiter.consume("caller");
    return null;
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    return apiError("rate_limited", "Too many caller look-ups; retry shortly.", {
      headers: { "Retry-After": String(Math.max(1, Math.ceil(refused.msBeforeNext / 1000))) },
    });
  }
}

/** `GET /api/agent/caller?contact_number=&execution_id=&agent_id=` (Bolna's ingest_source_config for inbound calls). */
export const GET = withAgentToken(async (request) => {
  const query = callerQuery.parse(queryParams(request.url));
  return (await limited()) ?? Response.json(lookUpCaller(getDb(), query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
