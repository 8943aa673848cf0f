import { z } from "zod";
import { executionIdParam } from "./agent-call";

/** `GET /api/agent/slots?execution_id=`: the call the agent is on. */
export const agentSlotsQuery = z.object({ execution_id: executionIdParam });
