import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { withAgentToken } from "@/lib/agent/agent-route";
import { callerQuery } from "@/lib/agent/caller-lookup";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { queryParams } from "@/lib/http/query-params";
import { commitAgentWrite } from "@/lib/webhook/commit-delivery";

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

/**
 * `GET /api/agent/caller?contact_number=&execution_id=&agent_id=` (Bolna's ingest_source_config for inbound calls).
 * Answered on the writer thread (lib/agent/agent-writes.ts): with an execution id it maps the call to the caller.
 */
export const GET = withAgentToken(async (request) => {
  const query = callerQuery.parse(queryParams(request.url));
  return (await limited()) ?? Response.json(await commitAgentWrite({ kind: "caller", query, now: new Date() }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
