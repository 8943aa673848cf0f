import { getDb } from "@/db/client";
import { withAgentToken } from "@/lib/agent/agent-route";
import { agentBookInput, bookForAgent } from "@/lib/agent/agent-book";
import { ERROR_STATUS } from "@/lib/http/error-codes";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";

/**
 * `POST /api/agent/book` `{execution_id, slot_id}` (Bolna's tool) → 200 `{ok, spoken, interviewAt}`; a slot that
 * cannot be booked → 409 with the error, the free slots to offer instead, and a sentence the agent can say.
 */
export const POST = withAgentToken(async (request) => {
  const result = bookForAgent(getDb(), await readJson(request, agentBookInput));
  if (result.ok) return Response.json(result);
  const { error, slots, spoken } = result;
  return Response.json(
    { error: { code: error.code, message: error.message }, spoken, slots },
    { status: ERROR_STATUS[error.code] },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
