import { getDb } from "@/db/client";
import { callJson, candidateJson } from "@/lib/candidates/candidate-json";
import { stopScheduledCall } from "@/lib/calls/stop-call";
import { ApiError } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { withPermission } from "@/lib/http/route";

/** Stops a scheduled call or a pending retry before it rings: 200 with the call and the candidate as they are now. */
export const POST = withPermission<{ executionId: string }>("calls:place", async ({ params }) => {
  const executionId = params.executionId.trim();
  if (!executionId || executionId.length > 200) throw new ApiError("not_found", "Call was not found.");
  const { call, candidate } = await stopScheduledCall(getDb(), executionId);
  return Response.json({ call: call ? callJson(call) : null, candidate: candidate ? candidateJson(candidate) : null });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
