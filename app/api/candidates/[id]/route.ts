import { getDb } from "@/db/client";
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

export const { POST, PUT, PATCH, OPTIONS } = otherMethods("GET", "DELETE");
