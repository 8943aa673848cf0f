import { getDb } from "@/db/client";
import { apiError } from "@/lib/http/api-error";
import { readiness, type Readiness } from "./readiness";

const NO_STORE = { "Cache-Control": "no-store" };

function notReady(state: Readiness, extra: object): Response {
  const storage = !state.checks.database.ok || !state.checks.disk.ok;
  return Response.json(
    {
      ok: false,
      error: { code: storage ? "storage_unavailable" : "not_ready", message: `Not ready: ${state.problems.join("; ")}.` },
      ...extra,
    },
    { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } },
  );
}

function assessed(): Readiness | Response {
  try {
    return readiness(getDb());
  } catch {
    return apiError("storage_unavailable", "The database does not answer.");
  }
}

/**
 * `GET /api/health`, the contract's check: 200 `{"ok": true, "eventLoopLagMs": n}` while this server should get
 * traffic (lib/server/readiness.ts), else 503 with the error shape naming what failed.
 */
export function healthResponse(): Response {
  const state = assessed();
  if (state instanceof Response) return state;
  const lag = { eventLoopLagMs: state.checks.eventLoop.p99Ms };
  return state.ready ? Response.json({ ok: true, ...lag }, { headers: NO_STORE }) : notReady(state, lag);
}

/** `GET /api/health/ready`: the same verdict, with every check's figures and the warnings (mail backlog). */
export function readinessResponse(): Response {
  const state = assessed();
  if (state instanceof Response) return state;
  const details = { warnings: state.warnings, checks: state.checks };
  return state.ready ? Response.json({ ok: true, ...details }, { headers: NO_STORE }) : notReady(state, details);
}
