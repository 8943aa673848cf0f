import { getDb } from "@/db/client";
import { endCallNow } from "@/lib/calls/end-call-now";
import { ApiError } from "@/lib/http/api-error";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * "End call" for a call stuck without a final status (lib/calls/end-unknown-call.ts): 200 `{"result": "ended" |
 * "stopped" | "updated", "message"}`; 409 `call_not_stuck` while the call is final or Bolna spoke recently.
 */
export const POST = withPermission<{ executionId: string }>("calls:place", async ({ params, actor }) => {
  const executionId = params.executionId.trim();
  if (!executionId || executionId.length > 200) throw new ApiError("not_found", "Call was not found.");
  return Response.json(await endCallNow(getDb(), executionId, actor));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
