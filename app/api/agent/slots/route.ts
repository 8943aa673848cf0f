import { getDb } from "@/db/client";
import { agentCall } from "@/lib/agent/agent-call";
import { agentSlotsQuery } from "@/lib/agent/agent-input";
import { withAgentToken } from "@/lib/agent/agent-route";
import { agentSlots } from "@/lib/agent/agent-slots";
import { otherMethods } from "@/lib/http/other-methods";
import { queryParams } from "@/lib/http/query-params";

/** `GET /api/agent/slots?execution_id=` (Bolna's tool): the interview and up to five free slots, as the agent says them. */
export const GET = withAgentToken((request) => {
  const { execution_id } = agentSlotsQuery.parse(queryParams(request.url));
  const now = new Date();
  const db = getDb();
  return Response.json(agentSlots(db, agentCall(db, execution_id, now), now));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
