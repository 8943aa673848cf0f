import { getDb } from "@/db/client";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { resetInput } from "@/lib/candidates/candidate-input";
import { resetCandidate } from "@/lib/candidates/manual-status";
import { readOptionalJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = withPermission<{ id: string }>("candidates:reset", async ({ request, params, actor }) => {
  const id = idParam(params.id, "Candidate");
  const input = await readOptionalJson(request, resetInput);
  return Response.json({ candidate: candidateJson(resetCandidate(getDb(), id, input.reason, actor)) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
