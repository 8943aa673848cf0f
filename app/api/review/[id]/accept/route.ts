import { getDb } from "@/db/client";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";
import { acceptReview } from "@/lib/review/resolve-review";

/** `POST /api/review/{id}/accept` → the proposal applied, audited with source `review`. */
export const POST = withPermission<{ id: string }>("candidates:write", ({ params, actor }) => {
  const { item, candidate } = acceptReview(getDb(), idParam(params.id, "Review item"), actor);
  return Response.json({
    review: { id: item.id, state: item.state, resolvedBy: item.resolvedBy },
    candidate: candidateJson(candidate),
  });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
