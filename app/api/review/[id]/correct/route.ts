import { getDb } from "@/db/client";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { readJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";
import { correctionInput } from "@/lib/review/review-input";
import { correctReview } from "@/lib/review/resolve-review";

/** `POST /api/review/{id}/correct` `{status, reason, interviewAt?}` → the reviewer's status, audited with the reason. */
export const POST = withPermission<{ id: string }>("candidates:write", async ({ request, params, actor }) => {
  const id = idParam(params.id, "Review item");
  const input = await readJson(request, correctionInput);
  const { item, candidate } = correctReview(getDb(), id, input, actor);
  return Response.json({
    review: { id: item.id, state: item.state, resolvedBy: item.resolvedBy },
    candidate: candidateJson(candidate),
  });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
