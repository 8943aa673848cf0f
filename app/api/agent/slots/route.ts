import { z } from "zod";
import { getDb } from "@/db/client";
import { agentCall, executionIdParam } from "@/lib/agent/agent-call";
import { withAgentToken } from "@/lib/agent/agent-route";
import { agentSlots } from "@/lib/agent/agent-slots";
import { otherMethods } from "@/lib/http/other-methods";
import { queryParams } from "@/lib/http/query-params";

const slotsQuery = z.object({ execution_id: executionIdParam });

/** `GET /api/agent/slots?execution_id=` (Bolna's tool): the interview and up to five free slots, as the agent says them. */
export const GET = withAgentToken((request) => {
  const { execution_id } = slotsQuery.parse(queryParams(request.url));
  const now = new Date();
  const db = getDb();
  return Response.json(agentSlots(db, agentCall(db, execution_id, now), now));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
