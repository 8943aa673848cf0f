import { otherMethods } from "@/lib/http/other-methods";
import { readinessResponse } from "@/lib/server/health-response";

/** Readiness, for a proxy, a load balancer or systemd: the same answer as GET /api/health. */
export const GET = readinessResponse;

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
