import { otherMethods } from "@/lib/http/other-methods";
import { eventLoopLag } from "@/lib/server/event-loop-lag";

/**
 * Liveness: the process answers at all. Nothing here touches the database or the disk, so a supervisor restarts
 * a server that hangs, not one that waits for its storage (readiness says that: GET /api/health/ready).
 */
export function GET(): Response {
  return Response.json(
    { ok: true, uptimeSeconds: Math.round(process.uptime()), eventLoopLagMs: eventLoopLag().p99Ms },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
