import { otherMethods } from "@/lib/http/other-methods";
import { healthResponse } from "@/lib/server/health-response";

/** The contract's health check: readiness (database writable, disk space, event-loop lag, no load shedding). */
export const GET = healthResponse;

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
