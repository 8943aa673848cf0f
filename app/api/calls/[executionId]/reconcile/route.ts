import { getDb } from "@/db/client";
import { callJson, candidateJson } from "@/lib/candidates/candidate-json";
import { checkWithBolna } from "@/lib/calls/check-with-bolna";
import { ApiError } from "@/lib/http/api-error";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * "Check with Bolna": fetches the execution and applies it as a reconcile event. 200 with what the pipeline did
 * (`result`: applied | duplicate | stale), the call and the candidate; 404 for a call Callboard does not know.
 */
export const POST = withPermission<{ executionId: string }>("calls:place", async ({ params }) => {
  const executionId = params.executionId.trim();
  if (!executionId || executionId.length > 200) throw new ApiError("not_found", "Call was not found.");
  const { result, call, candidate } = await checkWithBolna(getDb(), executionId);
  return Response.json({
    result: result.result,
    executionId,
    bolnaStatus: result.bolnaStatus,
    call: call ? callJson(call) : null,
    candidate: candidate ? candidateJson(candidate) : null,
  });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
