import { getDb } from "@/db/client";
import { candidatePatchInput } from "@/lib/candidates/candidate-input";
import { editCandidate } from "@/lib/candidates/edit-candidate";
import { needsReconfirmation } from "@/lib/candidates/state-machine";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/read-json";
import { callJson, candidateJson, statusChangeJson } from "@/lib/candidates/candidate-json";
import { deleteCandidate } from "@/lib/candidates/delete-candidate";
import { getCandidateDetail } from "@/lib/candidates/get-candidate";
import { idParam, withPermission } from "@/lib/http/route";
import { reachJson } from "@/lib/reach/reach-summary";
import { otherMethods } from "@/lib/http/other-methods";

type Params = { id: string };

export const GET = withPermission<Params>("candidates:read", ({ params }) => {
  const db = getDb();
  const detail = getCandidateDetail(db, idParam(params.id, "Candidate"));
  return Response.json({
    candidate: candidateJson(detail.candidate),
    // The reminder call and the self-service link of this candidate.
    reach: reachJson(db, detail.candidate),
    calls: detail.calls.map(callJson),
    history: detail.history.map(statusChangeJson),
    reschedulingSlots: detail.reschedulingSlots.map((slot) => ({ ...slot, startsAt: slot.startsAt.toISOString() })),
  });
});

export const DELETE = withPermission<Params>("candidates:delete", ({ request, params, actor }) => {
  const reason = new URL(request.url).searchParams.get("reason")?.slice(0, 500) || null;
  deleteCandidate(getDb(), idParam(params.id, "Candidate"), reason, actor);
  return new Response(null, { status: 204 });
});

/**
 * A machine client's edit: the edit form's rules (lib/candidates/edit-candidate.ts), audited. Moving the interview
 * of a candidate who had answered leaves them needing reconfirmation; `next` then says how to ask them again.
 */
export const PATCH = withPermission<Params>("candidates:write", async ({ request, params, actor }) => {
  const id = idParam(params.id, "Candidate");
  const input = await readJson(request, candidatePatchInput);
  const config = env();
  const candidate = editCandidate(
    getDb(),
    id,
    input,
    { defaultCountry: config.DEFAULT_COUNTRY, timezone: config.INTERVIEW_TIMEZONE },
    actor,
  );
  const next = needsReconfirmation(candidate)
    ? {
        message: `${candidate.statusReason}. Send them the self-service link, or call to reconfirm.`,
        actions: [
          { method: "POST", path: `/api/candidates/${id}/self-service-link` },
          { method: "POST", path: `/api/candidates/${id}/call` },
        ],
      }
    : null;
  return Response.json({ candidate: candidateJson(candidate), next });
});

export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
