import { getDb } from "@/db/client";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { doNotCallInput } from "@/lib/candidates/candidate-input";
import { setDoNotCall } from "@/lib/candidates/do-not-call";
import { stopPendingCalls } from "@/lib/calls/stop-pending-calls";
import { readJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * `PUT /api/candidates/{id}/do-not-call` `{doNotCall, reason}` → 200 `{candidate, stoppedCalls, stopFailures}`: a
 * recruiter sets it, only an admin lifts it; audited. Setting it also stops, at Bolna, every call still to ring.
 */
export const PUT = withPermission<{ id: string }>("candidates:write", async ({ request, params, actor }) => {
  const id = idParam(params.id, "Candidate");
  const input = await readJson(request, doNotCallInput);
  const db = getDb();
  const candidate = setDoNotCall(db, id, input, actor);
  const stopped = candidate.doNotCall ? await stopPendingCalls(db, id) : { stopped: [], failed: [] };
  return Response.json({ candidate: candidateJson(candidate), stoppedCalls: stopped.stopped, stopFailures: stopped.failed });
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
