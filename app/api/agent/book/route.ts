import { withAgentToken } from "@/lib/agent/agent-route";
import { agentBookInput } from "@/lib/agent/agent-book";
import { changeFeed } from "@/lib/live/change-feed";
import { ERROR_STATUS } from "@/lib/http/error-codes";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { commitAgentWrite } from "@/lib/webhook/commit-delivery";

/**
 * `POST /api/agent/book` `{execution_id, slot_id}` (Bolna's tool) → 200 `{ok, spoken, interviewAt}`; a slot that
 * cannot be booked → 409 with the error, the free slots to offer instead, and a sentence the agent can say. The
 * booking is written on the writer thread (lib/agent/agent-writes.ts), never on the event loop.
 */
export const POST = withAgentToken(async (request) => {
  const input = await readJson(request, agentBookInput);
  const result = await commitAgentWrite({ kind: "book", input, now: new Date() });
  if (result.ok) {
    changeFeed().publish();
    return Response.json(result);
  }
  const { error, slots, spoken } = result;
  return Response.json(
    { error: { code: error.code, message: error.message }, spoken, slots },
    { status: ERROR_STATUS[error.code] },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
